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
