import { describe, expect, it } from 'vitest'
import { findSyntaxError, locateInStack, wrapLearnerCode } from './learner-code.ts'

describe('learner code', () => {
  it('finds a syntax error with its line and column', () => {
    expect(findSyntaxError('const a = 1;\nconst b = ;\n')).toEqual({ message: 'Unexpected token', location: { line: 2, column: 11 } })
    expect(findSyntaxError('await fetch("/x")')).toBeNull() // top-level await is allowed
  })

  it("maps a runtime error back to the learner's line and column through the wrapper", async () => {
    const code = 'const x = 1;\n\nnull.boom();\n'
    const run = (0, eval)(wrapLearnerCode(code)) as () => Promise<void>
    const error = await run().catch((e: Error) => e)
    expect(locateInStack((error as Error).stack)).toEqual({ line: 3, column: 6 })
  })

  it('corrects the column on the first line, which the wrapper shares', async () => {
    const run = (0, eval)(wrapLearnerCode('undefinedName;')) as () => Promise<void>
    const error = await run().catch((e: Error) => e)
    expect(locateInStack((error as Error).stack)).toEqual({ line: 1, column: 1 })
  })

  it('returns null for errors that did not come from the learner', () => {
    expect(locateInStack('Error: x\n    at foo (app.js:1:2)')).toBeNull()
    expect(locateInStack(undefined)).toBeNull()
  })
})
