import { describe, expect, it } from 'vitest'
import { defineChecks, evaluateChecks, RunQuery, type RunRecord } from './index.ts'
import type { FaultEvent, SseEventEvent } from '../sim/trace.ts'

const empty: RunRecord = { trace: [], console: [], errors: [], server: [] }
const fails = defineChecks([
  { id: 'logs', title: 'Logs the score', run: (r) => ({ pass: r.logged().length > 0, message: 'No score was logged: log JSON.parse(e.data).' }) },
  { id: 'free', title: 'Always true', run: () => ({ pass: true, message: 'ok' }) },
])

describe('fair checks', () => {
  it('a run that did not finish is said first, and failing checks are not judged', () => {
    const [logs, free] = evaluateChecks(fails, { ...empty, end: { status: 'hung', at: 1200, reason: 'it ran for more than 2 s without pausing' } })
    expect(logs).toEqual({
      id: 'logs',
      title: 'Logs the score',
      pass: false,
      unjudged: true,
      message:
        'The run stopped at 1.200 s: your code did not pause (it ran for more than 2 s without pausing). Fix that first. (This check could not be judged: no score was logged: log JSON.parse(e.data).)',
    })
    expect(free!.pass).toBe(true)
    const [stopped] = evaluateChecks(fails, { ...empty, end: { status: 'stopped', at: 3000 } })
    expect(stopped!.message).toMatch(/^The run was stopped at 3\.000 s \(Stop was pressed\), before the lesson's end: run it to the end\./)
  })

  it('a fault the learner pressed is named instead of blaming the code, for checks that need an undisturbed run', () => {
    const fault: FaultEvent = {
      seq: 1,
      kind: 'fault',
      t: 6500,
      arrives: 6500,
      conn: '',
      from: 'network',
      to: 'network',
      bytes: 0,
      origin: 'learner',
      description: 'The server restarts: its connections close and it loses its replay history.',
    }
    const checks = defineChecks([
      { id: 'needs-calm', title: 'All 8 updates', undisturbed: true, run: () => ({ pass: false, message: '#7 and #8 never reached your log.' }) },
      { id: 'robust', title: 'Parses', run: () => ({ pass: false, message: 'Parse e.data.' }) },
    ])
    const [calm, robust] = evaluateChecks(checks, { ...empty, trace: [fault], end: { status: 'finished', at: 9000 } })
    expect(calm).toMatchObject({
      unjudged: true,
      message:
        'You broke the network during this run (at 6.500 s: the server restarts: its connections close and it loses its replay history.). This check needs a run without faults: run again and press no fault to see it pass.',
    })
    expect(robust).toEqual({ id: 'robust', title: 'Parses', pass: false, message: 'Parse e.data.' })
    // a fault the lesson schedules is part of the lesson, not a disturbance
    const [scheduled] = evaluateChecks(checks, { ...empty, trace: [{ ...fault, origin: 'lesson' }] })
    expect(scheduled!.unjudged).toBeUndefined()
  })
})

describe('causes', () => {
  it('tells a line logged while handling an event from the same line logged by a timer', () => {
    const event: SseEventEvent = {
      seq: 4,
      kind: 'sse.event',
      t: 1000,
      arrives: 1050,
      conn: 'c1',
      from: 'server',
      to: 'client',
      bytes: 40,
      wire: 'id: 1\ndata: {"home":1,"away":0}\n\n',
      fields: { id: '1', data: '{"home":1,"away":0}' },
      dispatches: true,
    }
    const query = new RunQuery({
      ...empty,
      trace: [event],
      console: [
        { level: 'log', t: 1050, values: [{ home: 1, away: 0 }], cause: { kind: 'sse-event', conn: 'c1', event: 4 } },
        { level: 'log', t: 1100, values: [{ home: 1, away: 0 }], cause: { kind: 'timer' } },
      ],
    })
    const [fromEvent, fromTimer] = query.calls()
    expect(query.handled(fromEvent!)).toBe(event)
    expect(query.loggedFromHandled(fromEvent!)).toBe(true)
    expect(query.loggedFromHandled(fromTimer!)).toBe(false)
    expect(query.callsHandling(['sse-event'])).toEqual([fromEvent])
  })
})
