// Moves one simulated clock for both ends of the wire: the learner worker's fake timers and the
// simulated servers' schedule, interleaved in time order, never while a message is still crossing the
// wire for real (the barrier). Pure logic over small interfaces, so it is tested in Node.
import type { Barrier, BarrierTimeout } from '../sim/barrier.ts'
import type { SimScheduler } from '../sim/scheduler.ts'

export interface DrivenWorker {
  readonly now: number
  readonly next: number | null
  advance(to: number): Promise<void>
}

export interface ClockDriverOptions {
  /** real ms to wait for a crossing message before giving up on it */
  settleTimeoutMs: number
  onStuck: (timeout: BarrierTimeout) => void
  /** one real macrotask: lets transport code react to what the last step released */
  yieldToTransport: () => Promise<void>
}

export class ClockDriver {
  constructor(
    private readonly scheduler: SimScheduler,
    private readonly barrier: Barrier,
    private readonly worker: DrivenWorker,
    private readonly options: ClockDriverOptions,
  ) {}

  private async settle(): Promise<void> {
    const timeout = await this.barrier.settle(this.options.settleTimeoutMs)
    if (timeout) this.options.onStuck(timeout)
  }

  /** the next instant at which anything is due (a client timer or a server action), or null */
  nextInstant(): number | null {
    const next = Math.min(this.scheduler.peek() ?? Infinity, this.worker.next ?? Infinity)
    return next === Infinity ? null : next
  }

  /** run both ends up to simulated time `target`, one instant at a time */
  async runTo(target: number, shouldStop: () => boolean = () => false): Promise<void> {
    while (!shouldStop()) {
      await this.settle()
      const serverNext = this.scheduler.peek() ?? Infinity
      const clientNext = this.worker.next ?? Infinity
      if (Math.min(serverNext, clientNext) > target) break
      if (clientNext <= serverNext) {
        // the worker runs its timers up to the next server action, stopping early after any network I/O
        await this.worker.advance(Math.min(serverNext, target))
        await this.settle()
        this.scheduler.runDue(Math.min(this.worker.now, serverNext))
      } else {
        if (this.worker.now < serverNext) await this.worker.advance(serverNext)
        await this.settle()
        this.scheduler.runDue(serverNext)
      }
      await this.options.yieldToTransport()
    }
    if (shouldStop()) return // stopped early: time stays at the last instant that ran
    this.scheduler.runDue(target)
    if (this.worker.now < target) await this.worker.advance(target)
  }
}
