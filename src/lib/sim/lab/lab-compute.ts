// Everything the lab page shows for one set of slider values, in three parts of very different cost:
// the model at scale (four runs of the model: milliseconds), the plot over update rates (the model at
// every rate) and the live table (a few reference clients in the real simulation, read from their
// traces, and the same scenario through the model, which must agree: the slow part). Pure; the page's
// worker computes the parts in that order, so the bars and the plot follow a moving slider while the
// live table catches up, and it drops a part as soon as newer settings make it stale.
import { runLive } from './live-run.ts'
import { requestsPerSecond, totalBytes, type Measures } from './measures.ts'
import { DEFAULT_COHORTS, runModel, type ModelInput, type ModelResult } from './model.ts'
import { TECHNIQUES, type Technique } from './reference-clients.ts'
import { makeWorkload, type Workload, type WorkloadKind } from './workload.ts'

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
const METRICS = Object.keys(PLOT_METRICS) as PlotMetric[]

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

export interface LiveResult {
  clients: number
  durationMs: number
  measures: Measures[]
  /** the model, run on the live scenario, gave exactly the live numbers for every technique */
  modelAgrees: boolean
}

export interface ScaleResult {
  measures: ModelResult[]
  /** CPU ms the model took for the four techniques */
  modelMs: number
}

/** one value per rate of RATES_PER_MINUTE, per technique and measure (null: nothing delivered) */
export type PlotValues = Record<Technique, Record<PlotMetric, Array<number | null>>>

/** how long the live run lasts: short enough for the simulation and its trace (≈ 300 updates, 600 polls), at least a minute */
export function liveDurationMs(s: LabSettings): number {
  const minute = 60_000
  const byUpdates = Math.max(1, Math.min(60, Math.round(300 / s.perMinute))) * minute
  const byPolls = Math.max(minute, Math.floor((600 * s.pollIntervalMs) / minute) * minute)
  return Math.min(s.durationMs, byUpdates, byPolls)
}

export const LIVE_CLIENTS = 3

/**
 * Steps one technique's run may take at scale before the model follows fewer start times than
 * DEFAULT_COHORTS (never fewer than MIN_COHORTS): the busiest settings (600 updates a minute for 4 h)
 * then stay as quick as the default ones, and totals do not change, only how finely delays are drawn.
 */
export const STEP_BUDGET = 400_000
const MIN_COHORTS = 8
/** the plot draws averages, which need few start times */
const PLOT_COHORTS = 4

/** start times the model follows for these settings (DEFAULT_COHORTS unless the workload is very busy) */
export function cohortsFor(s: LabSettings, workload: Workload): number {
  const perClient = workload.updates.length + workload.upstream.length + s.durationMs / Math.min(s.pollIntervalMs, s.holdTimeoutMs)
  return Math.max(MIN_COHORTS, Math.min(DEFAULT_COHORTS, Math.floor(STEP_BUDGET / perClient)))
}

/** the workloads met lately: moving any slider but the rate, workload or duration makes none anew */
const workloads = new Map<string, Workload>()
export function workloadFor(kind: WorkloadKind, perMinute: number, durationMs: number, seed: number): Workload {
  const key = `${kind} ${perMinute} ${durationMs} ${seed}`
  let w = workloads.get(key)
  if (!w) {
    w = makeWorkload(kind, perMinute, durationMs, seed)
    if (workloads.size >= 40) workloads.delete(workloads.keys().next().value!)
    workloads.set(key, w)
  }
  return w
}

function modelInput(s: LabSettings, technique: Technique, workload: Workload, clients: number, durationMs: number): ModelInput {
  const latencyMs = Math.round(s.rttMs / 2)
  return {
    technique,
    workload,
    clients,
    durationMs,
    pollIntervalMs: s.pollIntervalMs,
    holdTimeoutMs: s.holdTimeoutMs,
    latencyMs,
    proxyIdleTimeoutMs: s.proxyIdleTimeoutMs,
  }
}

/** the model at scale: the bars and the model's table */
export function computeScale(s: LabSettings, now: () => number = () => performance.now()): ScaleResult {
  const workload = workloadFor(s.workload, s.perMinute, s.durationMs, s.seed)
  const maxCohorts = cohortsFor(s, workload)
  const t0 = now()
  const measures = TECHNIQUES.map((t) => runModel({ ...modelInput(s, t, workload, s.clients, s.durationMs), maxCohorts }))
  return { measures, modelMs: now() - t0 }
}

export type PlotPoint = Record<Technique, Record<PlotMetric, number | null>>

function pointOf(measures: readonly Measures[]): PlotPoint {
  const point = {} as PlotPoint
  for (const m of measures) point[m.technique] = Object.fromEntries(METRICS.map((metric) => [metric, metricOf(m, metric)])) as Record<PlotMetric, number | null>
  return point
}

/**
 * The plot's values at one rate (the worker computes the plot rate by rate, so it can stop between).
 * At the current rate they are the bars' own (`scale`), so the plot and the bars agree where they meet.
 */
export function plotPoint(s: LabSettings, rate: number, scale?: ScaleResult): PlotPoint {
  if (scale && rate === s.perMinute) return pointOf(scale.measures)
  const workload = workloadFor(s.workload, rate, s.durationMs, s.seed)
  return pointOf(TECHNIQUES.map((t) => runModel({ ...modelInput(s, t, workload, s.clients, s.durationMs), maxCohorts: PLOT_COHORTS })))
}

/** the plot's values at every rate */
export function computePlot(s: LabSettings, scale?: ScaleResult): PlotValues {
  const values = Object.fromEntries(TECHNIQUES.map((t) => [t, Object.fromEntries(METRICS.map((m) => [m, []]))])) as unknown as PlotValues
  for (const rate of RATES_PER_MINUTE) {
    const point = plotPoint(s, rate, scale)
    for (const t of TECHNIQUES) for (const metric of METRICS) values[t][metric].push(point[t][metric])
  }
  return values
}

/** the live scenario: how many clients, for how long, on which messages */
export function liveScenario(s: LabSettings): { clients: number; durationMs: number; workload: Workload } {
  const durationMs = liveDurationMs(s)
  return { clients: Math.min(s.clients, LIVE_CLIENTS), durationMs, workload: workloadFor(s.workload, s.perMinute, durationMs, s.seed) }
}

/** one technique in the live simulation, and whether the model gives the same numbers for it */
export function computeLiveTechnique(s: LabSettings, technique: Technique): { measures: Measures; modelAgrees: boolean } {
  const { clients, durationMs, workload } = liveScenario(s)
  const common = modelInput(s, technique, workload, clients, durationMs)
  const measures = runLive({ ...common, seed: s.seed }).measures
  const { events: _e, cohorts: _c, ...model } = runModel(common)
  return { measures, modelAgrees: JSON.stringify(model) === JSON.stringify(measures) }
}

export function computeLive(s: LabSettings): LiveResult {
  const runs = TECHNIQUES.map((t) => computeLiveTechnique(s, t))
  const { clients, durationMs } = liveScenario(s)
  return { clients, durationMs, measures: runs.map((r) => r.measures), modelAgrees: runs.every((r) => r.modelAgrees) }
}
