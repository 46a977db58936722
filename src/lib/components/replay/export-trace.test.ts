import { describe, expect, it } from 'vitest'
import { traceToJson, traceToMermaid } from './export-trace.ts'
import { traceFromJson } from './trace-file.ts'
import { lifelinesFor } from '../diagram/lifelines.ts'
import { Simulation } from '../../sim/simulation.ts'
import { InboxServer } from '../../sim/servers/inbox.ts'

function longPollRun() {
  const sim = new Simulation({
    host: 'h',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new InboxServer(ctx, { messages: [{ atMs: 300, from: 'Ann', text: 'hi; #1' }], holdTimeoutMs: 5000 }),
    faults: [{ atMs: 1000, kind: 'drop-connections' }],
  })
  sim.receive({ key: 1, sentAt: 0, method: 'GET', host: 'h', target: '/api/messages/wait?since=0', headers: [], api: 'fetch' })
  sim.scheduler.runDue(2000)
  return sim.trace.events
}

describe('exporting a run', () => {
  it('writes Mermaid sequence-diagram text, with ; and # as Mermaid entity codes', () => {
    const text = traceToMermaid(longPollRun(), lifelinesFor({ clients: ['You'], instances: 1, broker: false }))
    expect(text).toBe(
      [
        'sequenceDiagram',
        '    participant P0 as Client (your code)',
        '    participant P1 as Server (simulated)',
        '    P0->>P1: 0.000 s GET /api/messages/wait?since=0 — fetch',
        '    Note over P1: 0.050 s server holds the request — no new data yet',
        '    P1-->>P0: 0.300 s 200 OK — {"messages":[{"id":1,"from":"Ann","text":"hi#59; #35;…',
        '    Note over P0,P1: ⚡ Every open connection is lost at once (as when the server restarts or the network fails).',
        '',
      ].join('\n'),
    )
  })

  it('writes trace JSON that reads back exactly', () => {
    const events = longPollRun()
    const json = traceToJson(events)
    expect(traceFromJson(json)).toEqual(events)
    expect(JSON.parse(json).version).toBe(4)
  })

  it('says plainly what is wrong with a file that is not a trace', () => {
    expect(() => traceFromJson('{oops')).toThrow(/^This file is not JSON/)
    expect(() => traceFromJson('{"format":"other"}')).toThrow('Not a Wirelab trace')
  })
})
