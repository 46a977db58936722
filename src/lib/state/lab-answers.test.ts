import { describe, expect, it } from 'vitest'
import { LabAnswers } from './lab-answers.ts'
import { DEFAULTS } from './lab-state.svelte.ts'
import { RATES_PER_MINUTE, type PlotMetric } from '../sim/lab/lab-compute.ts'
import type { Measures } from '../sim/lab/measures.ts'
import { TECHNIQUES, type Technique } from '../sim/lab/reference-clients.ts'

const measures = (technique: Technique, requests: number) => ({ technique, requests }) as unknown as Measures
const point = (k: number) =>
  Object.fromEntries(TECHNIQUES.map((t, i) => [t, { requestsPerSecond: k + i, bytesPerSecond: null, meanDelayMs: 1, connectionsHeld: 2 }])) as Record<
    Technique,
    Record<PlotMetric, number | null>
  >

describe('LabAnswers', () => {
  it('pairs each answer with the settings it was computed for, and forgets older settings once newer ones are answered', () => {
    const answers = new LabAnswers()
    const first = answers.request({ ...DEFAULTS, clients: 1 })
    const second = answers.request({ ...DEFAULTS, clients: 10 })
    const scale = { measures: [], modelMs: 1 }
    const update = answers.receive({ id: second, part: 'scale', scale })
    expect(update).toEqual({ part: 'scale', answered: { id: second, settings: { ...DEFAULTS, clients: 10 }, value: scale } })
    // a late answer for settings already left is not shown
    expect(answers.receive({ id: first, part: 'scale', scale })).toBeNull()
  })

  it('turns the plot, one point per rate, into one series per technique and measure', () => {
    const answers = new LabAnswers()
    const id = answers.request(DEFAULTS)
    const update = answers.receive({ id, part: 'plot', plot: RATES_PER_MINUTE.map((_, k) => point(10 * k)) })
    if (update?.part !== 'plot') throw new Error('expected the plot')
    expect(update.answered.value.sse.requestsPerSecond).toEqual(RATES_PER_MINUTE.map((_, k) => 10 * k + 2))
    expect(update.answered.value.websocket.bytesPerSecond).toEqual(RATES_PER_MINUTE.map(() => null))
  })

  it('shows the live table only once all four techniques have come in, for the same settings', () => {
    const answers = new LabAnswers()
    const old = answers.request(DEFAULTS)
    const id = answers.request({ ...DEFAULTS, rttMs: 200 })
    const live = (t: Technique, at: number, agrees = true) =>
      answers.receive({ id: at, part: 'live', technique: t, clients: 1, durationMs: 60_000, measures: measures(t, 7), modelAgrees: agrees })
    expect(live('short-polling', old)).toBeNull()
    expect(live('short-polling', id)).toBeNull()
    expect(live('long-polling', id, false)).toBeNull()
    expect(live('sse', id)).toBeNull()
    const update = live('websocket', id)
    if (update?.part !== 'live') throw new Error('expected the live table')
    expect(update.answered.value.measures.map((m) => m.technique)).toEqual(TECHNIQUES)
    expect(update.answered.value.modelAgrees).toBe(false)
    expect(update.answered.settings.rttMs).toBe(200)
  })

  it('passes an error on with its message', () => {
    const answers = new LabAnswers()
    const id = answers.request(DEFAULTS)
    expect(answers.receive({ id, part: 'error', message: 'Workload too large' })).toEqual({ part: 'error', message: 'Workload too large' })
  })
})
