// console.* in the learner realm: each call goes to the page's console pane with its simulated time.
import type { ConsoleLevel, WorkerMessage } from '../protocol.ts'
import { toLogValue } from '../log-value.ts'

const LEVELS: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug']

export function captureConsole(target: Console, simNow: () => number, post: (message: WorkerMessage) => void): void {
  for (const level of LEVELS) {
    target[level] = (...args: unknown[]) => post({ type: 'console', level, t: simNow(), args: args.map((a) => toLogValue(a)) })
  }
}
