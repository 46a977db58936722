// A lesson's scenario (front matter) becomes a fresh simulated world for one run.
import type { Scenario, ServerConfig } from '../lesson/schema.ts'
import type { ServerContext, SimServer } from '../sim/servers/types.ts'
import { CombinedServer } from '../sim/servers/combined.ts'
import { Simulation } from '../sim/simulation.ts'
import { LiveScoreServer } from '../sim/servers/live-score.ts'
import { InboxServer } from '../sim/servers/inbox.ts'
import { ChatServer } from '../sim/servers/chat.ts'
import { LessonServer } from '../sim/server-api/lesson-server.ts'
import type { ServerDefinition } from '../sim/server-api/types.ts'

/** a lesson's own servers (`kind: module`), by their `file` as the front matter names it */
export type ServerModules = Readonly<Record<string, ServerDefinition<unknown, unknown>>>

/** what a run wants to hear from the servers it makes */
export interface ServerHooks {
  /** the code of the server made from `file` threw (it is logged in the trace too) */
  onServerError?: (file: string, error: unknown, where: string) => void
}

/** `host` is the page's host: the simulated server answers there, and only there */
export function createSimulation(scenario: Scenario, host: string, modules: ServerModules = {}, hooks: ServerHooks = {}): Simulation {
  const { server } = scenario
  return new Simulation({
    host,
    seed: scenario.seed,
    latencyMs: scenario.latencyMs,
    jitterMs: scenario.jitterMs,
    faults: scenario.faults,
    proxyIdleTimeoutMs: scenario.proxyIdleTimeoutMs,
    serverDelayMs: scenario.serverDelayMs,
    instances: scenario.instances,
    balancer: scenario.balancer,
    broker: scenario.broker,
    clients: scenario.clients.map((c) => c.name),
    cookies: scenario.cookies,
    crossSitePages: scenario.crossSitePages,
    http: scenario.http,
    browsers: scenario.clients.map((c) => c.browser ?? ''),
    createServer: (ctx) =>
      Array.isArray(server) ? new CombinedServer(server.map((part) => createServer(ctx, part, modules, hooks))) : createServer(ctx, server, modules, hooks),
  })
}

function createServer(ctx: ServerContext, server: ServerConfig, modules: ServerModules, hooks: ServerHooks): SimServer {
  switch (server.kind) {
    case 'live-score':
      return new LiveScoreServer(ctx, server)
    case 'inbox':
      return new InboxServer(ctx, server)
    case 'chat':
      return new ChatServer(ctx, server)
    case 'module': {
      const definition = Object.hasOwn(modules, server.file) ? modules[server.file] : undefined
      if (!definition) throw new Error(`The lesson's server "${server.file}" was not loaded`)
      const onError = hooks.onServerError
      return new LessonServer(ctx, definition, server.options, onError && ((error, where) => onError(server.file, error, where)))
    }
  }
}
