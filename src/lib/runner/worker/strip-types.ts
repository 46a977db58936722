// Learner code may be TypeScript: sucrase strips the types (a small, maintained transpiler; it keeps
// every line where it was and only removes type syntax), and its source map takes columns of the
// JavaScript back to the learner's TypeScript. Type errors never block a run: the editor shows them.
import { transform } from 'sucrase'
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import type { CodeLocation } from '../protocol.ts'
import type { SyntaxProblem } from './learner-code.ts'

export interface StrippedCode {
  js: string
  /** a place in the JavaScript → the same place in the learner's TypeScript */
  toSource: (location: CodeLocation) => CodeLocation
}

export function stripTypes(code: string, fileName: string): StrippedCode | SyntaxProblem {
  let result: ReturnType<typeof transform>
  try {
    result = transform(code, {
      transforms: ['typescript'],
      disableESTransforms: true,
      filePath: 'your-code.ts',
      sourceMapOptions: { compiledFilename: fileName },
    })
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } }
    // sucrase's columns are already 1-based
    const message = (e.message ?? String(err)).replace(/^Error transforming [^:]+: /, '').replace(/\s*\(\d+:\d+\)$/, '')
    return { message, location: { line: e.loc?.line ?? 1, column: e.loc?.column ?? 1 } }
  }
  const map = result.sourceMap ? new TraceMap(result.sourceMap as ConstructorParameters<typeof TraceMap>[0]) : null
  return {
    js: result.code,
    toSource: (location) => {
      const original = map ? originalPositionFor(map, { line: location.line, column: location.column - 1 }) : null
      return original?.line ? { line: original.line, column: original.column + 1 } : location
    },
  }
}
