import { describe, expect, it } from 'vitest'
import { WorkerGroup } from './worker-group.ts'
import { ClockDriver, type DrivenWorker } from './clock-driver.ts'
import { SimScheduler } from '../sim/scheduler.ts'
import { Barrier } from '../sim/barrier.ts'

class ScriptedWorker implements DrivenWorker {
  now = 0
  constructor(
    private readonly name: string,
    private timers: number[],
    private log: string[],
    /** real ms this worker takes to answer: the order of the log must not depend on it */
    private readonly slowness: number,
  ) {}
  get next() {
    return this.timers[0] ?? null
  }
  async advance(to: number) {
    await new Promise((resolve) => setTimeout(resolve, this.slowness))
    while (this.timers.length && this.timers[0]! <= to) {
      const t = this.timers.shift()!
      this.now = t
      this.log.push(`${this.name}@${t}`)
    }
    this.now = Math.max(this.now, to)
  }
}

const options = { settleTimeoutMs: 1000, onStuck: () => {}, yieldToTransport: () => Promise.resolve() }

describe('WorkerGroup', () => {
  it('runs every client instant in time order, clients in their order on ties, whatever their speed', async () => {
    for (const [slowA, slowB] of [
      [0, 3],
      [3, 0],
    ]) {
      const log: string[] = []
      const scheduler = new SimScheduler()
      scheduler.at(100, () => log.push('server@100'))
      const group = new WorkerGroup([new ScriptedWorker('alice', [50, 100, 200], log, slowA!), new ScriptedWorker('bob', [50, 150], log, slowB!)])
      await new ClockDriver(scheduler, new Barrier(), group, options).runTo(300)
      expect(log).toEqual(['alice@50', 'bob@50', 'alice@100', 'server@100', 'bob@150', 'alice@200'])
      expect(group.now).toBe(300)
      expect(group.next).toBeNull()
    }
  })

  it('never lets one member run past a timer another member still has to run', async () => {
    const log: string[] = []
    const alice = new ScriptedWorker('alice', [500], log, 0)
    const bob = new ScriptedWorker('bob', [10], log, 0)
    const group = new WorkerGroup([alice, bob])
    await group.advance(1000)
    expect([alice.now, bob.now, log]).toEqual([10, 10, ['bob@10']])
  })
})
