// The model at scale must say exactly what the live simulation records for the same scenario: for a few
// clients it follows each one, and every count, byte and delay must equal the trace's.
import { describe, expect, it } from 'vitest'
import { runLive, type LiveInput } from './live-run.ts'
import { runModel } from './model.ts'
import { TECHNIQUES } from './reference-clients.ts'
import { makeWorkload, workloadOf } from './workload.ts'

const base = { pollIntervalMs: 5000, holdTimeoutMs: 4000, latencyMs: 50, proxyIdleTimeoutMs: null, durationMs: 60_000, seed: 7 } as const

const scenarios: Array<[string, Omit<LiveInput, 'technique'>]> = [
  [
    "lesson 07's inbox: two mails in a minute, one client",
    {
      ...base,
      clients: 1,
      workload: workloadOf('inbox', [
        { atMs: 12_000, data: { from: 'Ann', text: "Minutes from today's meeting" } },
        { atMs: 41_000, data: { from: 'Ben', text: 'Lunch on Friday?' } },
      ]),
    },
  ],
  ['a stock ticker at 30 updates a minute, three clients', { ...base, clients: 3, workload: makeWorkload('ticker', 30, 60_000, 3) }],
  ['a chat both ways at 12 a minute, two clients, a 1 s poll', { ...base, clients: 2, pollIntervalMs: 1000, workload: makeWorkload('chat', 12, 60_000, 5) }],
  [
    'a live score behind a proxy that cuts silent connections after 3 s, four clients',
    { ...base, clients: 4, proxyIdleTimeoutMs: 3000, holdTimeoutMs: 10_000, workload: makeWorkload('score', 4, 60_000, 9) },
  ],
  [
    'a poll interval shorter than the round trip (answers overlap)',
    { ...base, clients: 2, pollIntervalMs: 80, latencyMs: 60, durationMs: 5000, workload: makeWorkload('ticker', 120, 5000, 2) },
  ],
  [
    'updates at the very instants requests arrive',
    {
      ...base,
      clients: 1,
      pollIntervalMs: 1000,
      workload: workloadOf(
        'ticker',
        [50, 1050, 4050, 5050, 9050].map((atMs) => ({ atMs, data: { p: atMs } })),
      ),
    },
  ],
]

describe('the model equals the live simulation for a few clients', () => {
  for (const [name, scenario] of scenarios) {
    for (const technique of TECHNIQUES) {
      it(`${technique}: ${name}`, () => {
        const live = runLive({ ...scenario, technique }).measures
        const { events: _events, cohorts, ...model } = runModel({ ...scenario, technique })
        expect(cohorts).toBe(scenario.clients)
        expect(model).toEqual(live)
      })
    }
  }
})
