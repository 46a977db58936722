import { describe, expect, it } from 'vitest'
import { defineChecks, evaluateChecks, RunQuery, type RunRecord } from './index.ts'

const empty: RunRecord = { trace: [], console: [], errors: [], server: [] }

describe('checks', () => {
  it('evaluates each check, and a check that throws fails with its reason', () => {
    const checks = defineChecks([
      { id: 'a', title: 'Logs something', run: (r) => ({ pass: r.logged().length > 0, message: 'm' }) },
      {
        id: 'b',
        title: 'Broken',
        run: () => {
          throw new Error('oops')
        },
      },
    ])
    expect(evaluateChecks(checks, { ...empty, console: [{ level: 'log', t: 0, values: ['x'] }] })).toEqual([
      { id: 'a', title: 'Logs something', pass: true, message: 'm' },
      { id: 'b', title: 'Broken', pass: false, message: 'This check could not be evaluated: oops' },
    ])
  })

  it('refuses two checks with one id', () => {
    const run = () => ({ pass: true, message: '' })
    expect(() =>
      defineChecks([
        { id: 'x', title: 't', run },
        { id: 'x', title: 't', run },
      ]),
    ).toThrow(/share the id "x"/)
  })
})

describe('run queries', () => {
  it('shows logged calls as console lines and compares them with what was expected', () => {
    const record: RunRecord = {
      ...empty,
      console: [
        { level: 'log', t: 0, values: ['Ada:', 'hi'] },
        { level: 'log', t: 1, values: ['Ada:', 'hi'] },
        { level: 'log', t: 2, values: [{ a: 1 }] },
      ],
    }
    const query = new RunQuery(record)
    expect(query.loggedLines()).toEqual(['Ada: hi', 'Ada: hi', '{"a":1}'])
    expect(query.compareLogged(['Ada: hi', 'Bob: yo'])).toEqual({ missing: ['Bob: yo'], repeated: ['Ada: hi'] })
  })
})
