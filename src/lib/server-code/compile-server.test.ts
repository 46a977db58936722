import { describe, expect, it } from 'vitest'
import { compileServerCode } from './compile-server.ts'
import { serverCodeLine } from './error-line.ts'
import { LoopGuard, ServerCodeStopped } from './loop-guard.ts'
import { instrument } from './instrument.ts'

/** a guard whose clock the test moves, and whose "later" runs when the test says */
function testGuard(budgetMs = 2000, { tickPerLook = 0 } = {}) {
  let now = 0
  const later: Array<() => void> = []
  const stops: ServerCodeStopped[] = []
  // tickPerLook: real time passing as a loop spins (each look at the clock finds it later)
  const guard = new LoopGuard({ budgetMs, now: () => (now += tickPerLook), later: (fn) => later.push(fn), onStop: (s) => stops.push(s) })
  return {
    guard,
    stops,
    advance: (ms: number) => (now += ms),
    runLater: () => later.splice(0).forEach((fn) => fn()),
  }
}

const SERVER = `import { defineServer } from 'wirelab/server'

interface Hello { text: string }

export default defineServer({
  setup(server) {
    server.get('/hello', (_req, res) => res.json({ text: 'hi' } satisfies Hello))
  },
})
`

describe('compileServerCode', () => {
  it('gives the definition a learner wrote, types stripped and wirelab/server imported', () => {
    const compiled = compileServerCode(SERVER, testGuard().guard)
    expect(compiled.ok).toBe(true)
    if (compiled.ok) expect(typeof compiled.definition.setup).toBe('function')
  })

  it('says where a syntax error is, at the learner line', () => {
    const compiled = compileServerCode('const a = 1\nconst b = (\nexport default 3\n', testGuard().guard)
    expect(compiled).toMatchObject({ ok: false, problem: { line: 3 } })
    if (!compiled.ok) expect(compiled.problem.message).toMatch(/^SyntaxError: /)
  })

  it('refuses another import, naming it', () => {
    const compiled = compileServerCode("import fs from 'node:fs'\nfs.readFileSync('x')\nexport default 1\n", testGuard().guard)
    expect(compiled).toMatchObject({ ok: false, problem: { line: 1, message: "Error: server.ts can import only 'wirelab/server', not 'node:fs'" } })
  })

  it('says what the default export must be when it is not a server', () => {
    const compiled = compileServerCode('export default { routes: [] }\n', testGuard().guard)
    expect(compiled).toMatchObject({ ok: false, problem: { line: 1 } })
    if (!compiled.ok) expect(compiled.problem.message).toContain('export default defineServer({ setup(server)')
  })

  it('reports an error thrown at the top level at its line', () => {
    const compiled = compileServerCode("const x = 1\n\nthrow new TypeError('bad start')\n", testGuard().guard)
    expect(compiled).toMatchObject({ ok: false, problem: { line: 3, message: 'TypeError: bad start' } })
  })
})

describe('the loop guard', () => {
  it('stops a loop that never ends, at its line, and keeps stopping code that catches it', () => {
    const t = testGuard(2000, { tickPerLook: 1 })
    const code = `import { defineServer } from 'wirelab/server'
export default defineServer({
  setup(server) {
    server.get('/spin', () => {
      for (;;) {
        try {
          while (true) {}
        } catch {}
      }
    })
  },
})
`
    const compiled = compileServerCode(code, t.guard)
    if (!compiled.ok) throw new Error(compiled.problem.message)
    let handler: (() => void) | undefined
    compiled.definition.setup({ get: (_p: string, h: () => void) => (handler = h) } as never, undefined)
    let thrown: unknown
    try {
      handler!()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ServerCodeStopped)
    expect((thrown as ServerCodeStopped).line).toBe(7)
    expect((thrown as Error).message).toContain('ran for more than 2 s without returning (line 7)')
    expect(serverCodeLine(thrown)).toEqual({ line: 7, column: 1 })
    expect(t.stops).toEqual([])
    t.runLater()
    expect(t.stops.map((s) => s.line)).toEqual([7])
    // tripped: the next call into the server's code stops at once
    expect(() => handler!()).toThrow(ServerCodeStopped)
  })

  it('gives every task of the page its own budget: many short calls never trip it', () => {
    const t = testGuard(100)
    for (let task = 0; task < 50; task++) {
      for (let i = 0; i < 5000; i++) t.guard.check(1)
      t.advance(90)
      for (let i = 0; i < 5000; i++) t.guard.check(1)
      t.runLater() // the page went back to its event loop
    }
    expect(t.guard.tripped).toBeNull()
  })
})

describe('instrument', () => {
  it('keeps every line where it was and guards loops and functions of every shape', () => {
    const js = 'for (;;) x++\nwhile (a) { b() }\ndo y(); while (c)\nconst f = () => 1\nfunction g() { return 2 }\nfor (const k of ks) ;\n'
    const out = instrument(js)
    expect(out.split('\n')).toHaveLength(js.split('\n').length)
    expect(out).toBe(
      'for (;;) {__wirelabGuard(1);x++}\nwhile (a) {__wirelabGuard(2); b() }\ndo {__wirelabGuard(3);y();} while (c)\nconst f = () => (__wirelabGuard(4), 1)\nfunction g() {__wirelabGuard(5); return 2 }\nfor (const k of ks) {__wirelabGuard(6);;}\n',
    )
  })

  it('closes an arrow inside a loop body before the loop body', () => {
    expect(instrument('while (c) g = () => x\n')).toBe('while (c) {__wirelabGuard(1);g = () => (__wirelabGuard(1), x)}\n')
  })
})
