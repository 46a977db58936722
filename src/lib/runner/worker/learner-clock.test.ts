import { describe, expect, it } from 'vitest'
import { installLearnerClock } from './learner-clock.ts'

// A stand-in global with its own timer functions, so fake-timers is installed on it and not on Node's.
function fakeGlobal() {
  return { setTimeout, clearTimeout, setInterval, clearInterval, Date, performance } as unknown as typeof globalThis
}

describe('learner clock', () => {
  it('starts at the simulation epoch and moves only when advanced', async () => {
    const g = fakeGlobal()
    const clock = installLearnerClock(g, 1_000_000)
    expect(g.Date.now()).toBe(1_000_000)
    const fired: number[] = []
    g.setTimeout(() => fired.push(clock.now()), 250)
    expect(clock.next()).toBe(250)
    await clock.advance(200, () => false)
    expect(fired).toEqual([])
    await clock.advance(1000, () => false)
    expect(fired).toEqual([250])
    expect(clock.now()).toBe(1000)
  })

  it('clamps setInterval(f, 0) to 4 ms so time can move', async () => {
    const g = fakeGlobal()
    const clock = installLearnerClock(g, 0)
    let n = 0
    g.setInterval(() => n++, 0)
    await clock.advance(40, () => false)
    expect(n).toBe(10)
  })

  it('stops right after an instant that did network I/O', async () => {
    const g = fakeGlobal()
    const clock = installLearnerClock(g, 0)
    let io = false
    g.setTimeout(() => (io = true), 100)
    g.setTimeout(() => {}, 300)
    await clock.advance(1000, () => io)
    expect(clock.now()).toBe(100)
    expect(clock.next()).toBe(300)
  })
})

describe('learner clock, robustness', () => {
  it('reports an error thrown in a timer and keeps running later timers', async () => {
    const g = fakeGlobal()
    const errors: string[] = []
    const clock = installLearnerClock(g, 0, (error) => errors.push((error as Error).message))
    const fired: number[] = []
    g.setTimeout(() => {
      throw new Error('boom')
    }, 500)
    g.setTimeout(() => fired.push(clock.now()), 1000)
    let ticks = 0
    g.setInterval(() => {
      ticks++
      void (null as unknown as { x: number }).x
    }, 300)
    await clock.advance(2000, () => false)
    expect(errors.filter((m) => m === 'boom')).toHaveLength(1)
    expect(errors.filter((m) => /null/.test(m))).toHaveLength(ticks)
    expect(ticks).toBe(6)
    expect(fired).toEqual([1000])
    expect(clock.now()).toBe(2000)
  })

  it('hides the fake clock from the realm: no .clock on the faked globals', () => {
    const g = fakeGlobal() as unknown as Record<string, { clock?: unknown }>
    installLearnerClock(g as unknown as typeof globalThis, 0)
    for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance']) expect(g[name]!.clock, name).toBeUndefined()
    const FakeDate = g.Date as unknown as DateConstructor & { clock?: unknown }
    expect('clock' in FakeDate).toBe(false)
    expect(Object.keys(FakeDate)).not.toContain('clock')
    FakeDate.clock = { tick() {} }
    expect(FakeDate.clock).toBeUndefined()
    // the Date still works as a Date, on the fake clock
    expect(new FakeDate().getTime()).toBe(0)
    expect(FakeDate.now()).toBe(0)
    expect(new FakeDate(5) instanceof Date).toBe(true)
  })
})
