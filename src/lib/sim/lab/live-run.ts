// One live run of the lab: a few clients using one technique against the feed server in a real
// Simulation (the same one lessons run in), to the end of the scenario; its trace is the evidence the
// live table is read from. Pure: runs in Node tests and in the page, without a worker.
import { Simulation } from '../simulation.ts'
import { FeedServer } from '../servers/feed.ts'
import { measureTrace } from './measure-trace.ts'
import type { Measures } from './measures.ts'
import { clientStart } from './model.ts'
import { startReferenceClient, type Technique } from './reference-clients.ts'
import { LAB_HOST } from './wire.ts'
import type { Workload } from './workload.ts'
import type { TraceEvent } from '../trace.ts'

export interface LiveInput {
  technique: Technique
  workload: Workload
  /** at most 26 (they are named A, B, C …) */
  clients: number
  pollIntervalMs: number
  holdTimeoutMs: number
  latencyMs: number
  proxyIdleTimeoutMs: number | null
  durationMs: number
  seed: number
}

export interface LiveRun {
  measures: Measures
  events: readonly TraceEvent[]
}

export function runLive(input: LiveInput): LiveRun {
  if (input.clients < 1 || input.clients > 26) throw new Error(`A live run has 1 to 26 clients, not ${input.clients}`)
  const names = input.clients > 1 ? Array.from({ length: input.clients }, (_, i) => String.fromCharCode(65 + i)) : undefined
  const sim = new Simulation({
    host: LAB_HOST,
    seed: input.seed,
    latencyMs: input.latencyMs,
    proxyIdleTimeoutMs: input.proxyIdleTimeoutMs,
    // each reference client is someone else, in a browser of their own (no shared connection pool)
    ...(names ? { clients: names, browsers: names } : {}),
    createServer: (ctx) => new FeedServer(ctx, { updates: input.workload.updates, holdTimeoutMs: input.holdTimeoutMs }),
  })
  const starts = Array.from({ length: input.clients }, (_, i) => clientStart(i, input.clients, input.pollIntervalMs))
  starts.forEach((startMs, index) =>
    startReferenceClient(sim, {
      technique: input.technique,
      index,
      clients: input.clients,
      startMs,
      pollIntervalMs: input.pollIntervalMs,
      upstream: input.workload.upstream,
    }),
  )
  sim.scheduler.runDue(input.durationMs)
  const events = sim.trace.events
  return {
    events,
    measures: measureTrace(events, {
      technique: input.technique,
      updates: input.workload.updates,
      clientStarts: starts,
      ...(names ? { clientNames: names } : {}),
      durationMs: input.durationMs,
    }),
  }
}
