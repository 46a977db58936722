// What a lesson's checks.ts does when it is loaded, found in Node before a learner meets it: no default
// export (the page would have no checks), a default export that is not a list of checks, two checks
// with one id (the page breaks), and a check that throws or answers nonsense on a run where nothing
// happened (the learner would read "This check could not be evaluated"). Each problem at its line of
// checks.ts. `load` imports the module (Vite's ssrLoadModule in lessons:check, import() in tests).
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { RunQuery } from '../checks/run-query.ts'
import type { RunRecord } from '../checks/types.ts'
import type { LessonProblem } from './front-matter.ts'
import type { LoadedLesson } from './load-lessons.ts'

export interface LoadModule {
  (file: string): Promise<Record<string, unknown>>
  /** maps an error's stack to the source (Vite's ssrFixStacktrace), so its line is the line of checks.ts */
  fixStack?: (error: Error) => void
}

/** the run of code that did nothing: no event, no console line, finished at the lesson's end */
export function emptyRunRecord(durationMs: number): RunRecord {
  return { trace: [], console: [], errors: [], server: [], ui: [], end: { status: 'finished', at: durationMs } }
}

const SHAPE_HINT = "end checks.ts with `export default defineChecks([{ id, title, run(run) { … } }])` (defineChecks from 'wirelab/checks')"

export async function inspectChecks(lesson: LoadedLesson, load: LoadModule, cwd = process.cwd()): Promise<LessonProblem[]> {
  const file = relative(cwd, lesson.checksFile)
  const source = readFileSync(lesson.checksFile, 'utf8')
  const at = (line: number, message: string, path = ''): LessonProblem => ({ file, line, column: 1, path, message })
  let module: Record<string, unknown>
  try {
    module = await load(lesson.checksFile)
  } catch (error) {
    if (error instanceof Error) load.fixStack?.(error)
    const message = error instanceof Error ? error.message : String(error)
    // defineChecks refuses a repeated id while the module loads: point at the second one
    const repeated = /Two checks share the id "(.*)"/.exec(message)
    if (repeated) return [at(idLine(source, repeated[1]!, 1), `two checks have the id "${repeated[1]}": give each check its own id`, `${repeated[1]}.id`)]
    return [at(stackLine(error, lesson.checksFile) ?? 1, `checks.ts fails as it loads, so the lesson page would break: ${message}`)]
  }
  if (!('default' in module) || module.default === undefined)
    return [at(1, `checks.ts has no default export, so the lesson would have no checks: ${SHAPE_HINT}`)]
  const checks = module.default
  if (!Array.isArray(checks)) return [at(lastLine(source, /export\s+default\b/), `the default export of checks.ts is not a list of checks: ${SHAPE_HINT}`)]
  if (checks.length === 0) return [at(lastLine(source, /export\s+default\b/), 'checks.ts exports no check: every lesson needs at least one automatic check')]
  const problems: LessonProblem[] = []
  const seen = new Map<string, number>()
  checks.forEach((check: unknown, i) => {
    const c = (typeof check === 'object' && check !== null ? check : {}) as Record<string, unknown>
    const id = typeof c.id === 'string' && c.id !== '' ? c.id : null
    const name = id ? `check "${id}"` : `check ${i + 1}`
    const line = id ? idLine(source, id, seen.get(id) ?? 0) : 1
    const field = (name: string) => `${id ?? i}.${name}`
    if (!id) problems.push(at(1, `${name} has no id: give it a stable id such as "logs-each-score"`, field('id')))
    else if (seen.has(id)) problems.push(at(line, `two checks have the id "${id}": give each check its own id`, field('id')))
    if (id) seen.set(id, (seen.get(id) ?? 0) + 1)
    if (typeof c.title !== 'string' || c.title.trim() === '')
      problems.push(at(line, `${name} has no title: the learner reads it before the run`, field('title')))
    if (typeof c.run !== 'function') {
      problems.push(at(line, `${name} has no run function: run(run) { return { pass, message } }`, field('run')))
      return
    }
    const problem = dryRun(c.run as (query: RunQuery) => unknown, lesson.meta.scenario.durationMs)
    if (problem?.error instanceof Error) load.fixStack?.(problem.error)
    if (problem) problems.push(at(stackLine(problem.error, lesson.checksFile) ?? line, `${name} ${problem.message}`, field('run')))
  })
  return problems
}

/** a check run against a run where nothing happened: it must answer { pass, message }, not throw */
function dryRun(run: (query: RunQuery) => unknown, durationMs: number): { message: string; error?: unknown } | null {
  const fix = 'a check must answer { pass, message } for any run, even one where the code did nothing (a starter, a typo)'
  let outcome: unknown
  try {
    outcome = run(new RunQuery(emptyRunRecord(durationMs)))
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { message: `throws on a run where nothing happened (${what}): ${fix}`, error }
  }
  const o = (typeof outcome === 'object' && outcome !== null ? outcome : {}) as Record<string, unknown>
  if (typeof o.pass !== 'boolean' || typeof o.message !== 'string')
    return { message: `answered ${describe(outcome)} on a run where nothing happened, not { pass: true or false, message: '…' }: ${fix}` }
  if (o.message.trim() === '') return { message: 'answered an empty message on a run where nothing happened: say what is missing and where to look' }
  return null
}

function describe(value: unknown): string {
  if (value instanceof Promise) return 'a Promise (run must not be async)'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** the line of the n-th (0-based) `id: '…'` with this id in the source; the last one when there are fewer (an id built in code: 1) */
function idLine(source: string, id: string, nth: number): number {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return nthLine(source, new RegExp(`\\bid\\s*:\\s*(['"\`])${escaped}\\1`), nth)
}

function lastLine(source: string, pattern: RegExp): number {
  return nthLine(source, pattern, Infinity)
}

function nthLine(source: string, pattern: RegExp, nth: number): number {
  let count = 0
  let last = 1
  for (const [i, line] of source.split('\n').entries()) {
    if (!pattern.test(line)) continue
    if (count++ === nth) return i + 1
    last = i + 1
  }
  return last
}

/** the line of checks.ts an error was thrown at, from its stack (Vite and Vitest map stacks to the source) */
function stackLine(error: unknown, file: string): number | null {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+):\\d+`).exec(stack)
  return match ? Number(match[1]) : null
}
