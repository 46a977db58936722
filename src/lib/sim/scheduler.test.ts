import { describe, expect, it } from 'vitest'
import { SimScheduler } from './scheduler.ts'
import { Barrier } from './barrier.ts'

describe('SimScheduler', () => {
  it('runs actions in time order, then by key, then in the order they were scheduled', () => {
    const s = new SimScheduler()
    const ran: string[] = []
    s.at(20, () => ran.push('t20'))
    s.at(10, () => ran.push('t10 key2'), { key: 2 })
    s.at(10, () => ran.push('t10 key1 first'), { key: 1 })
    s.at(10, () => ran.push('t10 key1 second'), { key: 1 })
    expect(s.peek()).toBe(10)
    expect(s.runDue(15)).toBe(3)
    expect(ran).toEqual(['t10 key1 first', 't10 key1 second', 't10 key2'])
    expect(s.now).toBe(15)
    s.runDue(100)
    expect(ran.at(-1)).toBe('t20')
  })

  it('runs actions scheduled by an action in the same pass when they are due', () => {
    const s = new SimScheduler()
    const ran: number[] = []
    s.at(5, () => s.after(0, () => ran.push(s.now)))
    s.runDue(5)
    expect(ran).toEqual([5])
  })

  it('cancels and resolves until()', async () => {
    const s = new SimScheduler()
    const id = s.at(5, () => {
      throw new Error('cancelled action ran')
    })
    s.cancel(id)
    let done = false
    void s.until(7).then(() => (done = true))
    s.runDue(6)
    await Promise.resolve()
    expect(done).toBe(false)
    s.runDue(7)
    await Promise.resolve()
    expect(done).toBe(true)
  })
})

describe('Barrier', () => {
  it('settles at once when nothing crosses, and when the last crossing ends', async () => {
    const b = new Barrier()
    expect(await b.settle(1000)).toBeNull()
    b.hold('c1/request')
    b.hold('c1/event/1')
    const settled = b.settle(1000)
    b.done('c1/request')
    b.doneAll('c1/')
    expect(await settled).toBeNull()
  })

  it('gives up after the timeout and names what was stuck', async () => {
    const b = new Barrier()
    b.hold('c2/head')
    const result = await b.settle(1000, (fn) => fn())
    expect(result).toEqual({ stuck: ['c2/head'] })
    expect(b.open).toEqual([])
  })

  it('waits as long as crossings keep ending: only a period without any release gives up', async () => {
    const b = new Barrier()
    const timers: Array<() => void> = []
    b.hold('c1/head')
    b.hold('c2/head')
    b.hold('c3/head')
    const result = b.settle(1000, (fn) => timers.push(fn))
    // each period sees one crossing end (same-instant deliveries taking turns): it keeps waiting
    b.done('c1/head')
    timers.shift()!()
    b.done('c2/head')
    timers.shift()!()
    expect(timers).toHaveLength(1)
    // a period in which nothing ends: c3 is given up on
    timers.shift()!()
    expect(await result).toEqual({ stuck: ['c3/head'] })
  })
})
