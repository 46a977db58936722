// Server code the learner edits (a lesson's `server.ts` tab), made runnable in the page: sucrase strips
// the types and turns the imports into `require` (every line stays where it was), the watchdog is put
// into every loop and function (instrument.ts), and the module is evaluated with `wirelab/server` as its
// only import. Problems come back with the learner's line, never as a thrown error.
import { transform } from 'sucrase'
import * as serverApi from '../sim/server-api/index.ts'
import type { ServerDefinition } from '../sim/server-api/types.ts'
import { GUARD, instrument } from './instrument.ts'
import type { LoopGuard } from './loop-guard.ts'
import { SOURCE_URL, serverCodeLine } from './error-line.ts'

export interface ServerCodeProblem {
  message: string
  line: number
  column: number
}

export type CompiledServer = { ok: true; definition: ServerDefinition<unknown, unknown> } | { ok: false; problem: ServerCodeProblem }

/** the file name sucrase and messages use */
export const SERVER_FILE = 'server.ts'

const SHAPE = "server.ts must end with `export default defineServer({ setup(server) { … } })`, defineServer from 'wirelab/server'"

export function compileServerCode(code: string, guard: LoopGuard): CompiledServer {
  let js: string
  try {
    js = transform(code, { transforms: ['typescript', 'imports'], filePath: SERVER_FILE }).code
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } }
    const message = (e.message ?? String(error)).replace(/^Error transforming [^:]+: /, '').replace(/\s*\(\d+:\d+\)$/, '')
    return { ok: false, problem: { message: `SyntaxError: ${message}`, line: e.loc?.line ?? 1, column: e.loc?.column ?? 1 } }
  }
  let guarded: string
  try {
    guarded = instrument(js)
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } }
    const message = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, '')
    return { ok: false, problem: { message: `SyntaxError: ${message}`, line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1 } }
  }
  const module: { exports: Record<string, unknown> } = { exports: {} }
  const require = (name: string) => {
    if (name === 'wirelab/server') return serverApi
    throw new Error(`server.ts can import only 'wirelab/server', not '${name}'`)
  }
  try {
    // the learner's own server code, run in their page (docs/architecture.md, "Server code the learner edits")
    const evaluate = new Function('require', 'exports', 'module', GUARD, `${guarded}\n//# sourceURL=${SOURCE_URL}`)
    evaluate(require, module.exports, module, guard.check)
  } catch (error) {
    return { ok: false, problem: thrownProblem(error) }
  }
  const definition = module.exports.default as Partial<ServerDefinition<unknown, unknown>> | undefined
  if (typeof definition?.setup !== 'function') return { ok: false, problem: { message: SHAPE, line: lastLine(code), column: 1 } }
  return { ok: true, definition: definition as ServerDefinition<unknown, unknown> }
}

function thrownProblem(error: unknown): ServerCodeProblem {
  const at = serverCodeLine(error) ?? { line: 1, column: 1 }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return { message, ...at }
}

function lastLine(code: string): number {
  const lines = code.trimEnd().split('\n')
  return Math.max(1, lines.length)
}
