// What the learner's code is handling right now: the top level, a timer, or something the browser
// delivered (an SSE event, a WebSocket event, a fetch response). Set whenever the realm hands the
// learner's code something, and read by every console and ui call, so a check can tell a line logged
// while handling event #3 of c1 from the same text logged by a timer. Deliveries cross one at a time
// (the barrier) and promise chains settle before the next task, so "the last thing delivered" is what
// an `await` chain in the same task is handling too.
import type { WorkerCause } from '../protocol.ts'

let current: WorkerCause = { kind: 'top' }

export function handling(cause: WorkerCause): void {
  current = cause
}

export function currentCause(): WorkerCause {
  return current
}
