// Several learner clients (Alice, Bob …), one worker each, driven by the ClockDriver as if they were
// one: time only moves to an instant once every worker has run everything due before it, and at each
// instant the workers run in client order, so the same code gives the same trace however fast each
// worker happens to answer.
import type { DrivenWorker } from './clock-driver.ts'

export class WorkerGroup implements DrivenWorker {
  constructor(private readonly members: readonly DrivenWorker[]) {}

  /** the time every member has reached */
  get now(): number {
    return Math.min(...this.members.map((m) => m.now))
  }

  get next(): number | null {
    const next = Math.min(...this.members.map((m) => m.next ?? Infinity))
    return next === Infinity ? null : next
  }

  /**
   * Brings every member to the earliest instant due (a timer of any member) or `to`, whichever comes
   * first, running that instant's timers member by member. One instant per call: a member's network
   * I/O must reach the simulation before any member's later timers run.
   */
  async advance(to: number): Promise<void> {
    const t = Math.min(to, this.next ?? Infinity)
    for (const member of this.members) {
      if (member.now < t || (member.next !== null && member.next <= t)) await member.advance(t)
    }
  }
}
