// What may cross from the learner's worker to the page in one run. A loop that logs a million lines, or a
// timer that throws every 4 ms, must not flood the page: past these caps calls are counted, not sent, and
// the page is told how many were left out (once per macrotask), so it can say so where the learner looks.
import { afterMacrotask } from '../../crossing/macrotask.ts'
import { LEARNER_CAPS } from '../protocol.ts'

export interface Dropped {
  console: number
  ui: number
  errors: number
}

export class FloodGuard {
  private readonly sent: Dropped = { console: 0, ui: 0, errors: 0 }
  private readonly dropped: Dropped = { console: 0, ui: 0, errors: 0 }
  private reportQueued = false

  /** `report`: the running totals of what was left out */
  constructor(private readonly report: (dropped: Dropped) => void) {}

  /** may one more call of this kind be sent? If not, it is counted */
  allow(kind: keyof Dropped): boolean {
    const cap = kind === 'console' ? LEARNER_CAPS.consoleLines : kind === 'ui' ? LEARNER_CAPS.uiCalls : LEARNER_CAPS.errors
    if (this.sent[kind] < cap) {
      this.sent[kind]++
      return true
    }
    this.dropped[kind]++
    if (!this.reportQueued) {
      this.reportQueued = true
      afterMacrotask(() => {
        this.reportQueued = false
        this.report({ ...this.dropped })
      })
    }
    return false
  }
}
