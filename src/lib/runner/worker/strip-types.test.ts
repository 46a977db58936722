import { describe, expect, it } from 'vitest'
import { stripTypes } from './strip-types.ts'
import { locateInStack, wrapLearnerCode } from './learner-code.ts'

describe('stripping TypeScript from learner code', () => {
  it('removes only the types, keeping every line where it was', () => {
    const out = stripTypes('interface Score { home: number }\nconst s: Score = { home: 1 };\nconsole.log(s.home as number);\n', 'your-code.js')
    expect('js' in out && out.js).toBe('\nconst s = { home: 1 };\nconsole.log(s.home );\n')
  })

  it("maps a runtime error in the JavaScript back to the learner's line and column", async () => {
    const source = 'const label: string = "x";\nconst n: number = 1;\nconst bad: any = null; bad.boom();\n'
    const out = stripTypes(source, 'your-code.js')
    if (!('js' in out)) throw new Error('did not compile')
    const run = (0, eval)(wrapLearnerCode(out.js)) as () => Promise<void>
    const error = await run().catch((e: unknown) => e)
    const where = locateInStack((error as Error).stack)!
    // "bad.boom()" starts at column 24 in the TypeScript (column 19 in the stripped JavaScript); V8 points at "boom"
    expect(out.toSource(where)).toEqual({ line: 3, column: 28 })
    expect(where.column).toBeLessThan(28)
  })

  it('reports a syntax error at its line and column', () => {
    expect(stripTypes('const ok = 1;\nconst a: = 5;\n', 'your-code.js')).toEqual({ message: 'Unexpected token', location: { line: 2, column: 10 } })
  })
})
