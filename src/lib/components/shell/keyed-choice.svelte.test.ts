import { describe, expect, it } from 'vitest'
import { KeyedChoice } from './keyed-choice.svelte.ts'

// Unit tests run the server build of Svelte (no effects in Node): what only effects show (that moving
// the choice wakes two readers, not all) is measured by scripts/bench-replay.mjs, and the selection
// drawn in the views is checked in Chromium (tests/e2e/replay.e2e.ts and the diagram/timeline tests).
describe('KeyedChoice', () => {
  it('answers which key is chosen as the choice moves', () => {
    const choice = new KeyedChoice<number>()
    expect([1, 2, 3].map((k) => choice.is(k))).toEqual([false, false, false])
    choice.chosen = 2
    expect([1, 2, 3].map((k) => choice.is(k))).toEqual([false, true, false])
    choice.chosen = 3
    expect([1, 2, 3].map((k) => choice.is(k))).toEqual([false, false, true])
    expect(choice.chosen).toBe(3)
    choice.chosen = null
    expect([1, 2, 3].map((k) => choice.is(k))).toEqual([false, false, false])
  })
})
