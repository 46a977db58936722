// Turning the learner's source into something to run, and errors back into places in that source.
import { parse } from 'acorn'
import type { CodeLocation } from '../protocol.ts'

export const LEARNER_FILE = 'your-code.js'
const PREFIX = '(async () => {'

export interface SyntaxProblem {
  message: string
  location: CodeLocation
}

/** parse only; null when the code is valid JavaScript (top-level await allowed) */
export function findSyntaxError(code: string): SyntaxProblem | null {
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true, locations: true })
    return null
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } }
    const message = (e.message ?? String(err)).replace(/\s*\(\d+:\d+\)$/, '')
    return { message, location: { line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1 } }
  }
}

/**
 * Source text that evaluates to an async function running the learner's code. The prefix shares the
 * first line so line numbers stay the same; `sourceURL` names the code in stack traces.
 */
export function wrapLearnerCode(code: string): string {
  return `${PREFIX}${code}\n})\n//# sourceURL=${LEARNER_FILE}`
}

/** the learner's line and column from a V8 stack trace, or null when the error did not come from their code */
export function locateInStack(stack: string | undefined): CodeLocation | null {
  if (!stack) return null
  const match = new RegExp(`${LEARNER_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack)
  if (!match) return null
  const line = Number(match[1])
  let column = Number(match[2])
  if (line === 1) column = Math.max(1, column - PREFIX.length)
  return { line, column }
}
