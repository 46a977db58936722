// A lesson's own server.ts (`kind: module`), loaded in Node before a learner meets it: it must load and
// default-export defineServer({ setup }), and its world and setup must not throw when the run starts.
// It is dry-run like a check: the lesson's scenario (its faults included, so a restart runs setup
// again) to its end, with no client, and every "Error in the server's code" it logs is a problem.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { LessonServer } from '../sim/server-api/lesson-server.ts'
import type { ServerDefinition } from '../sim/server-api/types.ts'
import { Simulation } from '../sim/simulation.ts'
import type { LoadModule } from './checks-module.ts'
import type { LessonProblem } from './front-matter.ts'
import type { LoadedLesson } from './load-lessons.ts'

const SHAPE = "server.ts must end with `export default defineServer({ setup(server) { … } })` (defineServer from 'wirelab/server')"

export async function inspectServers(lesson: LoadedLesson, load: LoadModule, cwd = process.cwd()): Promise<LessonProblem[]> {
  const problems: LessonProblem[] = []
  const servers = Array.isArray(lesson.meta.scenario.server) ? lesson.meta.scenario.server : [lesson.meta.scenario.server]
  for (const [name, path] of Object.entries(lesson.serverFiles ?? {})) {
    const file = relative(cwd, path)
    const at = (line: number, message: string): LessonProblem => ({ file, line, column: 1, path: '', message })
    let definition: unknown
    try {
      definition = (await load(path)).default
    } catch (error) {
      if (error instanceof Error) load.fixStack?.(error)
      problems.push(at(stackLine(error, path) ?? 1, `${name} fails as it loads: ${error instanceof Error ? error.message : String(error)}`))
      continue
    }
    if (typeof (definition as ServerDefinition | undefined)?.setup !== 'function') {
      problems.push(at(1, `${name} has no server as its default export: ${SHAPE}`))
      continue
    }
    for (const config of servers) {
      if (config.kind !== 'module' || config.file !== name) continue
      problems.push(...dryRun(definition as ServerDefinition, config.options, lesson, path, load).map((p) => at(p.line, `${name} ${p.message}`)))
    }
  }
  return problems
}

/** the scenario to its end with no client: what the server's own code throws, once each */
function dryRun(
  definition: ServerDefinition,
  options: unknown,
  lesson: LoadedLesson,
  path: string,
  load: LoadModule,
): Array<{ line: number; message: string }> {
  const { scenario } = lesson.meta
  // world and setup are wrapped so their errors keep their stack (the server itself only logs the message)
  const thrown = new Map<string, Error>()
  const keep =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args)
      } catch (error) {
        if (error instanceof Error) thrown.set(error.message, error)
        throw error
      }
    }
  const wrapped: ServerDefinition = {
    ...definition,
    setup: keep(definition.setup.bind(definition)),
    ...(definition.world ? { world: keep(definition.world.bind(definition)) } : {}),
  }
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: scenario.seed,
    latencyMs: scenario.latencyMs,
    instances: scenario.instances,
    broker: scenario.broker,
    faults: scenario.faults,
    createServer: (ctx) => new LessonServer(ctx, wrapped, options),
  })
  sim.scheduler.runDue(scenario.durationMs)
  const seen = new Set<string>()
  const problems: Array<{ line: number; message: string }> = []
  for (const event of sim.trace.events) {
    if (event.kind !== 'server.log' || !event.text.startsWith("Error in the server's code") || seen.has(event.text)) continue
    seen.add(event.text)
    const error = [...thrown.entries()].find(([message]) => event.text.endsWith(`: ${message}`))?.[1]
    if (error) load.fixStack?.(error)
    const line = (error && stackLine(error, path)) ?? 1
    const [, where = 'its code', what = event.text] = /^Error in the server's code \((.*?)\): ([\s\S]*)$/.exec(event.text) ?? []
    problems.push({ line, message: `throws in ${where} at ${event.t} ms of a run where no client connected: ${what}` })
  }
  return problems
}

function stackLine(error: unknown, file: string): number | null {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+):\\d+`).exec(stack)
  if (!match) return null
  const line = Number(match[1])
  return line <= readFileSync(file, 'utf8').split('\n').length ? line : null
}
