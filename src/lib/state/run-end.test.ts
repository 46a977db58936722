import { describe, expect, it } from 'vitest'
import { evaluateChecks, defineChecks } from '../checks/index.ts'
import type { LearnerError } from '../runner/run-output.ts'
import { checkedEnd } from './run-end.ts'

const syntax: LearnerError = { phase: 'syntax', name: 'SyntaxError', message: 'Unexpected token', location: { line: 2, column: 33 }, t: 0 }
const checks = defineChecks([{ id: 'stream', title: 'Opens the stream', run: () => ({ pass: false, message: 'No EventSource on /api/stream.' }) }])

describe('checkedEnd', () => {
  it('a syntax error is a run that never started, though the scenario played to its end', () => {
    const end = checkedEnd('finished', 5500, [syntax])
    expect(end).toEqual({ status: 'error', at: 0, reason: 'your code could not start: SyntaxError: Unexpected token (line 2)' })
    // so the checks say that first, instead of advice about code that never ran
    const [result] = evaluateChecks(checks, { trace: [], console: [], errors: [], server: [], end })
    expect(result).toMatchObject({ unjudged: true })
    expect(result!.message).toBe(
      'The run stopped at 0.000 s: your code could not start: SyntaxError: Unexpected token (line 2). Fix that first. (This check could not be judged: no EventSource on /api/stream.)',
    )
  })

  it('keeps how other runs ended, with the reason a watchdog or a cap gave', () => {
    expect(checkedEnd('finished', 5500, [{ ...syntax, phase: 'runtime', t: 1000 }])).toEqual({ status: 'finished', at: 5500 })
    const hang: LearnerError = { phase: 'hang', name: 'Stopped', message: 'Your code ran for more than 2 s without pausing', location: null, t: 1050 }
    expect(checkedEnd('hung', 1050, [hang])).toEqual({ status: 'hung', at: 1050, reason: 'Your code ran for more than 2 s without pausing' })
  })
})
