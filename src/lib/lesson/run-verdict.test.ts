import { describe, expect, it } from 'vitest'
import { lessonProblems, verdictLine, type LessonRunReport } from './run-verdict.ts'

const pass = (id: string) => ({ id, state: 'pass', message: 'Fine.' })
const fail = (id: string, message = 'Not yet.') => ({ id, state: 'fail', message })
const report = (over: Partial<LessonRunReport> = {}): LessonRunReport => ({
  slug: '04-sse-reconnect',
  diagramErrors: [],
  starter: { status: 'finished', checks: [pass('logs'), fail('backs-off')] },
  solution: { status: 'finished', checks: [pass('logs'), pass('backs-off')] },
  ...over,
})

describe('the line lessons:check --run prints for a lesson', () => {
  it('says what the starter fails when all is well', () => {
    expect(lessonProblems(report())).toEqual([])
    expect(verdictLine(report())).toBe('✓ 04-sse-reconnect: the solution passes 2 checks; the starter fails `backs-off`')
  })

  it('names the check a solution fails, with its message on one line', () => {
    const r = report({ solution: { status: 'finished', checks: [pass('logs'), fail('backs-off', 'You reconnected\nat once.')] } })
    expect(verdictLine(r)).toBe('✗ 04-sse-reconnect: solution: check `backs-off` failed: You reconnected at once.')
  })

  it('says so when the starter passes every check', () => {
    expect(verdictLine(report({ starter: { status: 'finished', checks: [pass('logs'), pass('backs-off')] } }))).toBe(
      '✗ 04-sse-reconnect: starter passes every check: it should fail one',
    )
  })

  it('puts every problem of a lesson on its one line: a diagram, an unfinished run, a check not judged', () => {
    const r = report({
      diagramErrors: ['This diagram could not be drawn: Parse error'],
      pageErrors: ['Two checks share the id "x"'],
      starter: { status: 'hung', checks: [fail('logs')] },
      solution: { status: 'error', checks: [{ id: 'logs', state: 'unjudged', message: 'The run stopped at 1.000 s.' }] },
    })
    expect(lessonProblems(r)).toEqual([
      'lesson text: This diagram could not be drawn: Parse error',
      'the page threw: Two checks share the id "x"',
      'starter: the run did not finish (hung): the starter must run to the end and fail a check',
      'solution: the run did not finish (error)',
      'solution: check `logs` was not judged: The run stopped at 1.000 s.',
    ])
    expect(verdictLine(r).split('\n')).toHaveLength(1)
  })

  it('cuts a long message', () => {
    const line = verdictLine(report({ solution: { status: 'finished', checks: [fail('logs', 'x'.repeat(500))] } }))
    expect(line.length).toBeLessThan(220)
    expect(line.endsWith('…')).toBe(true)
  })
})
