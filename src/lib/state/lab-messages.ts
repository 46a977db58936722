// What the lab worker answers, part by part, for the settings numbered `id`.
import type { Measures } from '../sim/lab/measures.ts'
import type { PlotPoint, ScaleResult } from '../sim/lab/lab-compute.ts'
import type { Technique } from '../sim/lab/reference-clients.ts'

export type LabMessage =
  | { id: number; part: 'scale'; scale: ScaleResult }
  /** one entry per rate of RATES_PER_MINUTE */
  | { id: number; part: 'plot'; plot: PlotPoint[] }
  | { id: number; part: 'live'; technique: Technique; clients: number; durationMs: number; measures: Measures; modelAgrees: boolean }
  | { id: number; part: 'error'; message: string }
