// The learner realm's clock: setTimeout, setInterval, Date and performance are fake and move only when
// the page says "advance to t". The page owns simulated time; see docs/architecture.md.
import FakeTimers from '@sinonjs/fake-timers'
import { nextMacrotask } from '../macrotask.ts'

type TimerFn = (...args: unknown[]) => void

export interface LearnerClock {
  /** simulated ms now */
  now(): number
  /** simulated ms of the next due timer, or null */
  next(): number | null
  /**
   * Run due timers one instant at a time up to `to`, letting promise chains settle after each instant,
   * and stop right after an instant whose code did network I/O (`didIo()`), so the page can put that
   * message on the timeline before time moves on.
   */
  advance(to: number, didIo: () => boolean): Promise<void>
}

export function installLearnerClock(global: typeof globalThis, epochMs: number): LearnerClock {
  const clock = FakeTimers.withGlobal(global).install({
    now: epochMs,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    loopLimit: 100_000,
  })
  applyTimerClamp(global)
  const sim = () => clock.now - epochMs
  const nextAt = (): number | null => {
    // fake-timers keeps its timers in a heap ordered by due time; peeking it is the cheapest way to ask
    const heap = (clock as unknown as { timerHeap?: { peek(): { callAt: number } | undefined } }).timerHeap
    const due = heap?.peek()?.callAt
    return due === undefined ? null : due - epochMs
  }
  return {
    now: sim,
    next: nextAt,
    async advance(to, didIo) {
      for (;;) {
        const due = nextAt()
        if (due === null || due > to) break
        clock.tick(Math.max(0, due - sim()))
        await nextMacrotask()
        if (didIo()) return
      }
      if (to > sim()) clock.tick(to - sim())
    },
  }
}

/**
 * fake-timers does not clamp delays, so `setInterval(f, 0)` would never let time move and a
 * `setTimeout(f, 0)` chain would spin forever. Browsers clamp nested timers (nesting level > 5) and
 * intervals to at least 4 ms (HTML "timer initialisation steps"); do the same.
 */
function applyTimerClamp(global: typeof globalThis): void {
  const g = global as unknown as Record<string, unknown>
  const fakeSetTimeout = g.setTimeout as (fn: TimerFn, ms?: number) => number
  const fakeSetInterval = g.setInterval as (fn: TimerFn, ms?: number, ...args: unknown[]) => number
  let nesting = 0
  g.setTimeout = function setTimeout(fn: unknown, ms?: number, ...args: unknown[]) {
    if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function (strings are not evaluated here)')
    const level = nesting + 1
    let delay = Math.max(0, Number(ms) || 0)
    if (level > 5 && delay < 4) delay = 4
    return fakeSetTimeout(() => {
      const previous = nesting
      nesting = level
      try {
        ;(fn as TimerFn)(...args)
      } finally {
        nesting = previous
      }
    }, delay)
  }
  g.setInterval = function setInterval(fn: unknown, ms?: number, ...args: unknown[]) {
    if (typeof fn !== 'function') throw new TypeError('setInterval needs a function (strings are not evaluated here)')
    return fakeSetInterval(fn as TimerFn, Math.max(4, Number(ms) || 0), ...args)
  }
}
