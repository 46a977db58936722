import { describe, expect, it } from 'vitest'
import { parseWorkerMessage } from './worker-messages.ts'
import { toLogValue } from './log-value.ts'

const stamp = { now: 100, next: null }

describe('worker messages from the learner realm', () => {
  it('accepts what the worker really sends', () => {
    for (const m of [
      { type: 'ready', serviceWorker: true },
      {
        type: 'console',
        level: 'log',
        t: 100,
        args: [toLogValue({ home: 1, away: 0, nested: [[1], { a: 'b' }] })],
        cause: { kind: 'sse-event', conn: 1, n: 3 },
      },
      { type: 'connect', conn: 3, api: 'fetch', t: 100, method: 'GET', url: 'http://127.0.0.1/api/messages?since=0' },
      { type: 'ws-send', conn: 1, t: 5, data: new ArrayBuffer(4) },
      { type: 'ws-close', conn: 1, t: 5, reason: '' },
      {
        type: 'ui',
        t: 1,
        operation: { op: 'scoreboard', score: { home: 'Lions', away: 'Tigers', homeScore: 1, awayScore: 0, detail: '' } },
        cause: { kind: 'timer' },
      },
      { type: 'error', phase: 'runtime', name: 'TypeError', message: 'x', location: { line: 3, column: 1 }, t: 0 },
    ]) {
      expect(parseWorkerMessage({ ...m, ...stamp }), m.type).toHaveProperty('message')
    }
  })

  it('refuses forged and broken messages with the reason', () => {
    expect(parseWorkerMessage({ type: 'close', conn: 1, t: NaN, reason: 'x', ...stamp })).toEqual({ problem: '"close": field "t" is not valid' })
    expect(parseWorkerMessage({ type: 'advanced', now: Infinity, next: null })).toMatchObject({ problem: expect.stringContaining('clock reading') })
    expect(parseWorkerMessage({ type: 'hack', ...stamp })).toEqual({ problem: 'unknown message type "hack"' })
    expect(parseWorkerMessage({ type: 'toString', ...stamp })).toEqual({ problem: 'unknown message type "toString"' })
    expect(parseWorkerMessage({ type: 'console', level: 'log', t: 1, args: [{ type: 'object' }], ...stamp })).toEqual({
      problem: '"console": field "args" is not valid',
    })
    expect(parseWorkerMessage({ type: 'console', level: 'log', t: 1, args: [{ type: 'string', value: 'x'.repeat(2e6) }], ...stamp })).toHaveProperty('problem')
    expect(parseWorkerMessage({ type: 'connect', conn: -1, api: 'fetch', t: 0, method: 'GET', url: '/', ...stamp })).toHaveProperty('problem')
    expect(parseWorkerMessage(null)).toEqual({ problem: 'not an object' })
  })

  it('refuses a value nested deeper than any the worker makes, without recursing forever', () => {
    let deep: unknown = { type: 'null', text: 'null' }
    for (let i = 0; i < 1000; i++) deep = { type: 'array', items: [deep], more: 0 }
    expect(parseWorkerMessage({ type: 'console', level: 'log', t: 1, args: [deep], ...stamp })).toHaveProperty('problem')
  })
})
