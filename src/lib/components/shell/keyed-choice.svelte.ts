// "Is this element the chosen one?" for many elements at once (the selected message, the Tab stop)
// without every element depending on the choice: a replay step moves the selection, and hundreds of
// timeline ticks each comparing their seq with it made every step wake them all (most of a step's
// script time at 10 000 events). Here each key has its own subscription, so moving the choice wakes
// the element that had it and the one that gets it. Solid's createSelector, in Svelte's terms.
import { createSubscriber } from 'svelte/reactivity'

interface Entry {
  subscribe: () => void
  update: (() => void) | null
}

export class KeyedChoice<K> {
  #chosen: K | null = null
  /** keys read in effects still alive (an entry goes when the last effect reading it does) */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping of subscriptions, not state
  readonly #entries = new Map<K, Entry>()

  /** whether `key` is the chosen one: reactive per key when read in an effect or template */
  is(key: K): boolean {
    if ($effect.tracking()) this.#entry(key).subscribe()
    return key === this.#chosen
  }

  get chosen(): K | null {
    return this.#chosen
  }

  /** choose `key` (or nothing): wakes the readers of the old and the new key only */
  set chosen(key: K | null) {
    if (key === this.#chosen) return
    const before = this.#chosen
    this.#chosen = key
    if (before !== null) this.#entries.get(before)?.update?.()
    if (key !== null) this.#entries.get(key)?.update?.()
  }

  #entry(key: K): Entry {
    let entry = this.#entries.get(key)
    if (!entry) {
      const made: Entry = { subscribe: () => {}, update: null }
      made.subscribe = createSubscriber((update) => {
        made.update = update
        return () => {
          made.update = null
          if (this.#entries.get(key) === made) this.#entries.delete(key)
        }
      })
      this.#entries.set(key, made)
      entry = made
    }
    return entry
  }
}
