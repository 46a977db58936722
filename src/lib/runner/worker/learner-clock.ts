// The learner realm's clock: setTimeout, setInterval, Date and performance are fake and move only when
// the page says "advance to t". The page owns simulated time; see docs/architecture.md.
import FakeTimers from '@sinonjs/fake-timers'
import { nextMacrotask } from '../../crossing/macrotask.ts'

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

const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] as const

/**
 * `onTimerError`: a timer callback threw. Browsers report the error and go on with the next timer;
 * so does this clock (fake-timers would instead rethrow the first error after the tick and stop).
 */
export function installLearnerClock(
  global: typeof globalThis,
  epochMs: number,
  onTimerError: (error: unknown) => void = rethrow,
  /** a timer's callback is about to run */
  onTimer: () => void = () => {},
): LearnerClock {
  const clock = FakeTimers.withGlobal(global).install({ now: epochMs, toFake: [...FAKED], loopLimit: 100_000 })
  // fake-timers hangs itself on every faked global (`clearTimeout.clock`, `Date.clock` …): learner code
  // could tick or uninstall it. The clock stays reachable from this closure only.
  const g = global as unknown as Record<string, { clock?: unknown } | undefined>
  for (const name of FAKED) if (name !== 'Date') delete g[name]?.clock
  // the fake Date reads its own `.clock` on every call, so it keeps it and the realm sees a view without it
  g.Date = hideProperty(g.Date as object, 'clock') as { clock?: unknown }
  applyTimerClamp(global, onTimerError, onTimer)
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
function applyTimerClamp(global: typeof globalThis, onTimerError: (error: unknown) => void, onTimer: () => void): void {
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
      onTimer()
      try {
        ;(fn as TimerFn)(...args)
      } catch (error) {
        onTimerError(error)
      } finally {
        nesting = previous
      }
    }, delay)
  }
  g.setInterval = function setInterval(fn: unknown, ms?: number, ...args: unknown[]) {
    if (typeof fn !== 'function') throw new TypeError('setInterval needs a function (strings are not evaluated here)')
    return fakeSetInterval(
      (...callArgs: unknown[]) => {
        onTimer()
        try {
          ;(fn as TimerFn)(...callArgs)
        } catch (error) {
          onTimerError(error)
        }
      },
      Math.max(4, Number(ms) || 0),
      ...args,
    )
  }
}

/** `target` as the realm sees it: the same object, minus one property nobody outside may read or change */
function hideProperty<T extends object>(target: T, hidden: PropertyKey): T {
  return new Proxy(target, {
    get: (t, key) => (key === hidden ? undefined : Reflect.get(t, key)),
    has: (t, key) => key !== hidden && Reflect.has(t, key),
    set: (t, key, value) => (key === hidden ? true : Reflect.set(t, key, value)),
    defineProperty: (t, key, descriptor) => key !== hidden && Reflect.defineProperty(t, key, descriptor),
    deleteProperty: (t, key) => key === hidden || Reflect.deleteProperty(t, key),
    getOwnPropertyDescriptor: (t, key) => (key === hidden ? undefined : Reflect.getOwnPropertyDescriptor(t, key)),
    ownKeys: (t) => Reflect.ownKeys(t).filter((key) => key !== hidden),
  })
}

function rethrow(error: unknown): never {
  throw error
}
