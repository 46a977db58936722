// What the lab page keeps of the worker's answers (lab-messages.ts), without Svelte: which settings
// each numbered request had, the plot turned into one series per technique and measure, and the live
// table assembled once its four techniques have come in. LabState shows what this returns.
import type { LabSettings, LiveResult, PlotMetric, PlotValues, ScaleResult } from '../sim/lab/lab-compute.ts'
import type { Measures } from '../sim/lab/measures.ts'
import { TECHNIQUES, type Technique } from '../sim/lab/reference-clients.ts'
import type { LabMessage } from './lab-messages.ts'

/** a part of the answer, and the settings it was computed for */
export interface Answered<T> {
  id: number
  settings: LabSettings
  value: T
}

export type LabUpdate =
  | { part: 'scale'; answered: Answered<ScaleResult> }
  | { part: 'plot'; answered: Answered<PlotValues> }
  | { part: 'live'; answered: Answered<LiveResult> }
  | { part: 'error'; message: string }

export class LabAnswers {
  private last = 0
  private readonly history = new Map<number, LabSettings>()
  private partialLive: { id: number; runs: Map<Technique, { measures: Measures; modelAgrees: boolean }> } | null = null

  /** numbers settings about to be sent */
  request(settings: LabSettings): number {
    this.history.set(++this.last, settings)
    return this.last
  }

  /** what to show for a message from the worker (null: nothing yet, or settings already forgotten) */
  receive(message: LabMessage): LabUpdate | null {
    const settings = this.history.get(message.id)
    if (!settings) return null
    // answers come in order: older settings will not be answered again
    for (const id of this.history.keys()) if (id < message.id) this.history.delete(id)
    const id = message.id
    switch (message.part) {
      case 'error':
        return { part: 'error', message: message.message }
      case 'scale':
        return { part: 'scale', answered: { id, settings, value: message.scale } }
      case 'plot': {
        const value = Object.fromEntries(
          TECHNIQUES.map((t) => [t, { requestsPerSecond: [], bytesPerSecond: [], meanDelayMs: [], connectionsHeld: [] }]),
        ) as unknown as PlotValues
        for (const point of message.plot)
          for (const t of TECHNIQUES) for (const [metric, v] of Object.entries(point[t]) as Array<[PlotMetric, number | null]>) value[t][metric].push(v)
        return { part: 'plot', answered: { id, settings, value } }
      }
      case 'live': {
        if (this.partialLive?.id !== id) this.partialLive = { id, runs: new Map() }
        const runs = this.partialLive.runs
        runs.set(message.technique, { measures: message.measures, modelAgrees: message.modelAgrees })
        if (runs.size < TECHNIQUES.length) return null
        this.partialLive = null
        const all = TECHNIQUES.map((t) => runs.get(t)!)
        const value = {
          clients: message.clients,
          durationMs: message.durationMs,
          measures: all.map((r) => r.measures),
          modelAgrees: all.every((r) => r.modelAgrees),
        }
        return { part: 'live', answered: { id, settings, value } }
      }
    }
  }
}
