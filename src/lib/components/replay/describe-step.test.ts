import { describe, expect, it } from 'vitest'
import { eventSentence } from './describe-step.ts'
import type { TraceEvent } from '../../sim/trace.ts'

const request = (conn: string, headers: Array<{ name: string; value: string }>) =>
  ({
    kind: 'http.request',
    seq: 1,
    t: 0,
    arrives: 50,
    conn,
    from: 'client',
    to: 'server',
    bytes: 10,
    method: 'GET',
    target: '/api/stream',
    headers,
    wire: '',
    api: 'EventSource',
  }) as TraceEvent

describe('step captions', () => {
  it('say when an EventSource reconnects by itself, with the id it resumes from', () => {
    expect(eventSentence(request('c1', []))).toBe('The client sends GET /api/stream.')
    expect(eventSentence(request('c1.2', [{ name: 'Last-Event-ID', value: '3' }]))).toBe(
      'After its retry wait the EventSource reconnects by itself, sending Last-Event-ID: 3 so the server can replay what it missed.',
    )
  })
})
