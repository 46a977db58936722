// Where in the learner's server.ts an error was thrown. Small and apart from the compiler, so the page
// can place errors at runtime without loading sucrase.
import { ServerCodeStopped } from './loop-guard.ts'

/** the name stacks show for the evaluated server code (`new Function` code is otherwise "anonymous") */
export const SOURCE_URL = 'wirelab-learner/server.ts'

/** where in server.ts an error thrown by its code was thrown (its first stack frame there), or null */
export function serverCodeLine(error: unknown): { line: number; column: number } | null {
  if (error instanceof ServerCodeStopped) return { line: error.line, column: 1 }
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  // `new Function` puts two lines of its own before the body
  const match = /wirelab-learner\/server\.ts:(\d+):(\d+)/.exec(stack)
  return match ? { line: Math.max(1, Number(match[1]) - 2), column: Number(match[2]) } : null
}
