// Seeded randomness: every random choice in a run (score changes, later keys and jitter) comes from
// here, so the same seed gives the same trace.

/** mulberry32: a small, fast 32-bit PRNG with good enough statistics for simulation choices */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}
