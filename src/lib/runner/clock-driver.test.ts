import { describe, expect, it } from 'vitest'
import { ClockDriver, type DrivenWorker } from './clock-driver.ts'
import { SimScheduler } from '../sim/scheduler.ts'
import { Barrier } from '../sim/barrier.ts'

/** a stand-in for the learner worker: a list of timer instants, each logging when it runs */
class ScriptedWorker implements DrivenWorker {
  now = 0
  constructor(
    private timers: number[],
    private log: string[],
    private onTimer: (t: number) => boolean = () => false,
  ) {}
  get next() {
    return this.timers[0] ?? null
  }
  async advance(to: number) {
    while (this.timers.length && this.timers[0]! <= to) {
      const t = this.timers.shift()!
      this.now = t
      this.log.push(`client@${t}`)
      if (this.onTimer(t)) return // did I/O: stop right after this instant
    }
    this.now = Math.max(this.now, to)
  }
}

const options = { settleTimeoutMs: 1000, onStuck: () => {}, yieldToTransport: () => Promise.resolve() }

describe('ClockDriver', () => {
  it('interleaves client timers and server actions in time order, client first on ties', async () => {
    const log: string[] = []
    const scheduler = new SimScheduler()
    for (const t of [100, 250, 300]) scheduler.at(t, () => log.push(`server@${t}`))
    const driver = new ClockDriver(scheduler, new Barrier(), new ScriptedWorker([50, 250, 400], log), options)
    await driver.runTo(1000)
    expect(log).toEqual(['client@50', 'server@100', 'client@250', 'server@250', 'server@300', 'client@400'])
    expect(scheduler.now).toBe(1000)
  })

  it('does not move time while a message is crossing the wire', async () => {
    const log: string[] = []
    const scheduler = new SimScheduler()
    const barrier = new Barrier()
    // the client's timer at 100 sends a request; its arrival is only known once the "transport" sees it
    const worker = new ScriptedWorker([100, 500], log, (t) => {
      if (t !== 100) return false
      barrier.hold('c1/request')
      setTimeout(() => {
        log.push('transport sees request')
        scheduler.at(100 + 50, () => log.push('server@150'))
        barrier.done('c1/request')
      }, 20)
      return true
    })
    scheduler.at(120, () => log.push('server@120'))
    const driver = new ClockDriver(scheduler, barrier, worker, options)
    await driver.runTo(600)
    expect(log).toEqual(['client@100', 'transport sees request', 'server@120', 'server@150', 'client@500'])
  })

  it('stops when asked', async () => {
    const log: string[] = []
    const scheduler = new SimScheduler()
    let stop = false
    scheduler.at(10, () => {
      log.push('server@10')
      stop = true
    })
    scheduler.at(20, () => log.push('server@20'))
    await new ClockDriver(scheduler, new Barrier(), new ScriptedWorker([], log), options).runTo(100, () => stop)
    expect(log).toEqual(['server@10'])
  })
})
