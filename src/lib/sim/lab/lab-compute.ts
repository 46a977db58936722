// Everything the lab page shows for one set of slider values: the live table (a few reference clients in
// the real simulation, read from their traces), the same scenario through the model (it must agree),
// the model at scale, and the plot over update rates. Pure; the page runs it in a worker.
import { runLive } from './live-run.ts'
import { requestsPerSecond, totalBytes, type Measures } from './measures.ts'
import { runModel, type ModelResult } from './model.ts'
import { TECHNIQUES, type Technique } from './reference-clients.ts'
import { makeWorkload, type WorkloadKind } from './workload.ts'

export interface LabSettings {
  workload: WorkloadKind
  /** updates a minute the server gets for each client */
  perMinute: number
  clients: number
  pollIntervalMs: number
  holdTimeoutMs: number
  /** round trip: twice the one-way latency */
  rttMs: number
  proxyIdleTimeoutMs: number | null
  durationMs: number
  seed: number
}

/** the update rates the plot's x axis and the rate slider step through (per minute) */
export const RATES_PER_MINUTE: readonly number[] = [1 / 60, 1 / 20, 1 / 6, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600]

export type PlotMetric = 'requestsPerSecond' | 'bytesPerSecond' | 'meanDelayMs' | 'connectionsHeld'
export const PLOT_METRICS: Record<PlotMetric, { label: string; unit: string }> = {
  requestsPerSecond: { label: 'Requests per second at the server', unit: 'requests/s' },
  bytesPerSecond: { label: 'Bytes per second on the wire', unit: 'B/s' },
  meanDelayMs: { label: 'Mean delivery delay', unit: 'ms' },
  connectionsHeld: { label: 'Connections open at the server', unit: 'connections' },
}

export function metricOf(m: Measures, metric: PlotMetric): number | null {
  switch (metric) {
    case 'requestsPerSecond':
      return requestsPerSecond(m)
    case 'bytesPerSecond':
      return totalBytes(m) / (m.durationMs / 1000)
    case 'meanDelayMs':
      return m.delay?.mean ?? null
    case 'connectionsHeld':
      return m.connectionsHeld
  }
}

export interface LabResult {
  settings: LabSettings
  live: {
    clients: number
    durationMs: number
    measures: Measures[]
    /** the model, run on the live scenario, gave exactly the live numbers for every technique */
    modelAgrees: boolean
  }
  scale: ModelResult[]
  plot: { rates: readonly number[]; values: Record<Technique, Record<PlotMetric, Array<number | null>>> }
  /** CPU ms the model took for the four techniques at scale */
  modelMs: number
}

/** how long the live run lasts: short enough for the simulation and its trace (≈ 300 updates, 600 polls), at least a minute */
export function liveDurationMs(s: LabSettings): number {
  const minute = 60_000
  const byUpdates = Math.max(1, Math.min(60, Math.round(300 / s.perMinute))) * minute
  const byPolls = Math.max(minute, Math.floor((600 * s.pollIntervalMs) / minute) * minute)
  return Math.min(s.durationMs, byUpdates, byPolls)
}

export const LIVE_CLIENTS = 3

const latencyOf = (s: LabSettings) => Math.round(s.rttMs / 2)

export function computeLab(s: LabSettings, now: () => number = () => performance.now()): LabResult {
  const common = { pollIntervalMs: s.pollIntervalMs, holdTimeoutMs: s.holdTimeoutMs, latencyMs: latencyOf(s), proxyIdleTimeoutMs: s.proxyIdleTimeoutMs }
  // live: a few clients in the real simulation
  const liveDuration = liveDurationMs(s)
  const liveClients = Math.min(s.clients, LIVE_CLIENTS)
  const liveWorkload = makeWorkload(s.workload, s.perMinute, liveDuration, s.seed)
  const liveRuns = TECHNIQUES.map(
    (technique) => runLive({ ...common, technique, workload: liveWorkload, clients: liveClients, durationMs: liveDuration, seed: s.seed }).measures,
  )
  const modelAgrees = TECHNIQUES.every((technique, i) => {
    const { events: _e, cohorts: _c, ...model } = runModel({ ...common, technique, workload: liveWorkload, clients: liveClients, durationMs: liveDuration })
    return JSON.stringify(model) === JSON.stringify(liveRuns[i])
  })
  // at scale
  const workload = makeWorkload(s.workload, s.perMinute, s.durationMs, s.seed)
  const t0 = now()
  const scale = TECHNIQUES.map((technique) => runModel({ ...common, technique, workload, clients: s.clients, durationMs: s.durationMs }))
  const modelMs = now() - t0
  // the plot: each rate at the current settings, with fewer cohorts (averages need few)
  const values = Object.fromEntries(
    TECHNIQUES.map((t) => [t, { requestsPerSecond: [], bytesPerSecond: [], meanDelayMs: [], connectionsHeld: [] }]),
  ) as unknown as LabResult['plot']['values']
  for (const rate of RATES_PER_MINUTE) {
    const w = makeWorkload(s.workload, rate, s.durationMs, s.seed)
    for (const technique of TECHNIQUES) {
      const m = runModel({ ...common, technique, workload: w, clients: s.clients, durationMs: s.durationMs, maxCohorts: 8 })
      for (const metric of Object.keys(PLOT_METRICS) as PlotMetric[]) values[technique][metric].push(metricOf(m, metric))
    }
  }
  return {
    settings: s,
    live: { clients: liveClients, durationMs: liveDuration, measures: liveRuns, modelAgrees },
    scale,
    plot: { rates: RATES_PER_MINUTE, values },
    modelMs,
  }
}
