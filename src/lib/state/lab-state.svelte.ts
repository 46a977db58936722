// The lab page's state: the slider values, and the latest numbers for them from the lab worker, part by
// part (lab-messages.ts). The worker keeps only the newest settings, so every move of a slider is sent
// at once, and the parts shown always belong to the last settings the worker has answered for.
import { RATES_PER_MINUTE, type LabSettings, type LiveResult, type PlotMetric, type PlotValues, type ScaleResult } from '../sim/lab/lab-compute.ts'
import { LabAnswers, type Answered } from './lab-answers.ts'
import { WORKLOADS, type WorkloadKind } from '../sim/lab/workload.ts'
import type { LabMessage } from './lab-messages.ts'

/** slider stops (a slider moves through an index into these) */
export const STOPS = {
  clients: [1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000],
  perMinute: RATES_PER_MINUTE,
  pollIntervalMs: [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000],
  holdTimeoutMs: [5000, 10_000, 20_000, 30_000, 45_000, 60_000, 90_000, 120_000],
  rttMs: [10, 20, 50, 100, 150, 200, 300, 500],
} as const

export const DEFAULTS: LabSettings = {
  workload: 'inbox',
  perMinute: 1 / 60,
  clients: 1,
  pollIntervalMs: 30_000,
  holdTimeoutMs: 30_000,
  rttMs: 100,
  proxyIdleTimeoutMs: null,
  durationMs: 3_600_000,
  seed: 1,
}

export class LabState {
  settings = $state<LabSettings>({ ...DEFAULTS })
  scale = $state<Answered<ScaleResult> | null>(null)
  plot = $state<Answered<PlotValues> | null>(null)
  live = $state<Answered<LiveResult> | null>(null)
  error = $state<string | null>(null)
  metric = $state<PlotMetric>('requestsPerSecond')
  /** the number of the last settings sent */
  sent = $state(0)
  /** every part shown belongs to the last settings sent */
  settled = $derived(this.scale?.id === this.sent && this.plot?.id === this.sent && this.live?.id === this.sent)
  private worker: Worker | null = null
  private readonly answers = new LabAnswers()

  start(): void {
    // the URL is how Vite finds and bundles the worker (not state)
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.worker = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' })
    this.worker.onmessage = (event: MessageEvent<LabMessage>) => this.receive(event.data)
    this.worker.onerror = (event) => (this.error = `The lab's worker stopped: ${event.message || 'unknown error'}. Reload the page to try again.`)
    this.compute()
  }

  stop(): void {
    this.worker?.terminate()
    this.worker = null
  }

  set<K extends keyof LabSettings>(key: K, value: LabSettings[K]): void {
    if (this.settings[key] === value) return
    this.settings[key] = value
    this.compute()
  }

  /** a new workload brings its own typical rate */
  chooseWorkload(kind: WorkloadKind): void {
    this.settings.workload = kind
    this.settings.perMinute = WORKLOADS[kind].perMinute
    this.compute()
  }

  private compute(): void {
    if (!this.worker) return
    const settings = $state.snapshot(this.settings)
    this.sent = this.answers.request(settings)
    this.worker.postMessage({ id: this.sent, settings })
  }

  private receive(message: LabMessage): void {
    const update = this.answers.receive(message)
    if (!update) return
    this.error = update.part === 'error' ? update.message : null
    if (update.part === 'scale') this.scale = update.answered
    else if (update.part === 'plot') this.plot = update.answered
    else if (update.part === 'live') this.live = update.answered
  }
}
