// Whether the simulated network is down at a moment, read back from the trace (so a view needs no
// access to the running simulation, and a replayed or imported trace answers the same way).
import type { TraceEvent } from './trace.ts'

/**
 * The simulated ms when the network is back, if an offline fault has it down at `now`; null when it
 * is up. The latest offline fault at or before `now` decides, as in the simulation, where a second
 * one replaces the first one's end.
 */
export function offlineUntil(events: readonly TraceEvent[], now: number): number | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.kind !== 'fault' || e.offlineUntil === undefined || e.t > now) continue
    return e.offlineUntil > now ? e.offlineUntil : null
  }
  return null
}
