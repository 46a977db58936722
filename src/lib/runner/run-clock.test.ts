import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RunClock } from './run-clock.ts'
import type { ClockDriver } from './clock-driver.ts'

describe('RunClock in step mode', () => {
  beforeEach(() => {
    // live mode waits for frames; a hidden page waits with setTimeout, which Node has
    ;(globalThis as { document?: unknown }).document = { visibilityState: 'hidden' }
  })
  afterEach(() => {
    delete (globalThis as { document?: unknown }).document
  })

  it('does not step before the learner code has started, then steps to the next instant', async () => {
    let now = 0
    const ran: number[] = []
    const driver = {
      nextInstant: () => 4000,
      runTo: async (t: number) => {
        ran.push(t)
        now = t
      },
    } as unknown as ClockDriver
    let over = false
    const clock = new RunClock({
      driver,
      now: () => now,
      durationMs: 10_000,
      speed: () => 1,
      startPaused: true,
      isOver: () => over,
      onProgress: () => {},
      onFinished: () => {},
    })
    // a Step pressed while the worker is still compiling TypeScript must not move time
    expect(await clock.step()).toBeNull()
    expect(ran).toEqual([])
    await clock.start()
    expect(ran).toEqual([0])
    expect(await clock.step()).toBe(4000)
    over = true
  })
})
