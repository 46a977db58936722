// Simulated time 0 is this wall-clock instant in the learner's realm (Date.now() there returns
// SIM_EPOCH_MS + simulated ms), so dates in a trace are the same on every machine and every run.
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 15, 19, 30, 0)

/** formats simulated milliseconds as "1.250 s" */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`
}
