// The run speed: the choices, the one this browser remembers (storage may be full or blocked: then it
// lasts for the page), and a faster one to suggest when a run would take long in real time.

/** simulated seconds per real second; Infinity skips ahead */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 16, Infinity]
const KEY = 'wirelab:speed'
const DEFAULT = 1
/** a run longer than this in real time gets a faster speed suggested */
export const LONG_RUN_MS = 30_000
/** the suggestion aims at a run no longer than this */
const COMFORTABLE_RUN_MS = 20_000

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export function loadSpeed(store: Storage | null = storage()): number {
  try {
    const saved = Number(store?.getItem(KEY) ?? NaN)
    return SPEEDS.includes(saved) ? saved : DEFAULT
  } catch {
    return DEFAULT
  }
}

export function saveSpeed(speed: number, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, String(speed))
  } catch {
    // not remembered: the speed still applies to this page
  }
}

/**
 * A faster speed when a run of `durationMs` simulated ms would last over LONG_RUN_MS at `speed`: the
 * slowest that brings it near COMFORTABLE_RUN_MS (16× at most). Null when the run is short enough.
 */
export function suggestSpeed(durationMs: number, speed: number): number | null {
  if (!Number.isFinite(speed) || durationMs / speed <= LONG_RUN_MS) return null
  return SPEEDS.find((s) => s > speed && Number.isFinite(s) && durationMs / s <= COMFORTABLE_RUN_MS) ?? 16
}
