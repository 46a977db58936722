import { describe, expect, it } from 'vitest'
import { cohortsFor, computeLive, computePlot, computeScale, plotPoint, RATES_PER_MINUTE, workloadFor, type LabSettings } from './lab-compute.ts'
import { DEFAULT_COHORTS, runModel } from './model.ts'

const HOUR = 3_600_000
const defaults: LabSettings = {
  workload: 'inbox',
  perMinute: 1 / 60,
  clients: 1,
  pollIntervalMs: 30_000,
  holdTimeoutMs: 30_000,
  rttMs: 100,
  proxyIdleTimeoutMs: null,
  durationMs: HOUR,
  seed: 1,
}

describe('the lab computation', () => {
  it('follows the default start times for the settings the questions and the bench use, fewer only for very busy ones', () => {
    const at = (s: LabSettings) => cohortsFor(s, workloadFor(s.workload, s.perMinute, s.durationMs, s.seed))
    expect(at({ ...defaults, clients: 10_000 })).toBe(DEFAULT_COHORTS)
    expect(at({ ...defaults, workload: 'ticker', perMinute: 60, clients: 10_000, pollIntervalMs: 1000 })).toBe(DEFAULT_COHORTS)
    expect(at({ ...defaults, workload: 'chat', perMinute: 20, clients: 10_000, pollIntervalMs: 5000 })).toBe(DEFAULT_COHORTS)
    expect(at({ ...defaults, workload: 'ticker', perMinute: 600, clients: 10_000, pollIntervalMs: 1000, durationMs: 4 * HOUR })).toBe(8)
  })

  it('with fewer start times, the totals at scale stay those of the default model', () => {
    const s: LabSettings = { ...defaults, workload: 'ticker', perMinute: 600, clients: 10_000, pollIntervalMs: 1000, durationMs: HOUR / 4 }
    const workload = workloadFor(s.workload, s.perMinute, s.durationMs, s.seed)
    const fine = runModel({
      technique: 'long-polling',
      workload,
      clients: s.clients,
      pollIntervalMs: 1000,
      holdTimeoutMs: 30_000,
      latencyMs: 50,
      proxyIdleTimeoutMs: null,
      durationMs: s.durationMs,
    })
    const coarse = computeScale(s).measures[1]!
    expect(coarse.technique).toBe('long-polling')
    expect(Math.abs(coarse.requests - fine.requests) / fine.requests).toBeLessThan(0.01)
    expect(Math.abs(coarse.delay!.mean - fine.delay!.mean)).toBeLessThan(1)
  })

  it("the inbox at the lab's defaults: the live run agrees with the model, and the plot's point at the current rate is the bars' value", () => {
    const live = computeLive(defaults)
    expect(live.modelAgrees).toBe(true)
    expect(live.measures[0]!.requests).toBe(121)
    const many = { ...defaults, clients: 10_000 }
    const scale = computeScale(many)
    // 10 000 clients polling every 30 s: 333 requests a second, whatever the number of start times followed
    const bar = scale.measures[0]!.requests / 3600
    expect(bar).toBeCloseTo(333.4, 1)
    expect(Math.abs(plotPoint(many, 1 / 60)['short-polling'].requestsPerSecond! - bar) / bar).toBeLessThan(0.01)
    // where the plot meets the bars (the current rate), it shows their very numbers
    const plot = computePlot(many, scale)
    expect(plot['short-polling'].requestsPerSecond[0]).toBe(bar)
    expect(plot.sse.requestsPerSecond).toHaveLength(RATES_PER_MINUTE.length)
  })
})
