// console.* in the learner realm: each call goes to the page's console pane with its simulated time.
import type { ConsoleLevel, WorkerMessage } from '../protocol.ts'
import { toLogValue } from '../log-value.ts'
import { currentCause } from './cause.ts'

const LEVELS: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug']

/** at most this many arguments of one call are sent (a spread of a huge array is one call) */
const MAX_ARGS = 20

export function captureConsole(target: Console, simNow: () => number, post: (message: WorkerMessage) => void, allow: () => boolean): void {
  for (const level of LEVELS) {
    target[level] = (...args: unknown[]) => {
      if (!allow()) return
      const values = args.slice(0, MAX_ARGS).map((a) => toLogValue(a))
      if (args.length > MAX_ARGS) values.push({ type: 'string', value: `… and ${args.length - MAX_ARGS} more arguments` })
      post({ type: 'console', level, t: simNow(), args: values, cause: currentCause() })
    }
  }
}
