import { describe, expect, it } from 'vitest'
import { summarizeChecks } from './check-summary.ts'

const result = (id: string, pass: boolean) => ({ id, title: id, pass, message: '' })

describe('summarizeChecks', () => {
  it('says how many checks pass', () => {
    expect(summarizeChecks([result('a', true), result('b', false), result('c', true)])).toEqual({ text: '2 of 3 checks pass', allPass: false })
    expect(summarizeChecks([result('a', false), result('b', false)])).toEqual({ text: '0 of 2 checks pass', allPass: false })
    expect(summarizeChecks([result('a', true), result('b', true)])).toEqual({ text: 'All 2 checks pass', allPass: true })
  })

  it('speaks of one check as the check, and of none as nothing', () => {
    expect(summarizeChecks([result('a', true)])).toEqual({ text: 'The check passes', allPass: true })
    expect(summarizeChecks([result('a', false)])).toEqual({ text: 'The check fails', allPass: false })
    expect(summarizeChecks(null)).toBeNull()
    expect(summarizeChecks([])).toBeNull()
  })
})
