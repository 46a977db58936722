// The console pane's lines for one run: arriving lines wait until the next frame, the list is capped
// (a chatty run cannot exhaust memory), Clear hides lines without losing them for the checks, and the
// lines of several clients are put in time, then client, order (their workers answer in any order).
import type { ConsoleEntry } from '../runner/run-output.ts'

const MAX_LINES = 1000

export class ConsoleLog {
  entries = $state.raw<ConsoleEntry[]>([])
  /** lines up to this number were cleared from the pane by the learner */
  clearedAt = $state(0)
  /** lines dropped from the front to keep the list short */
  dropped = $state(0)
  private pending: ConsoleEntry[] = []
  private seq = 0
  /** every line of the run in arrival order, none dropped (the checks read these; the worker caps them) */
  private all: ConsoleEntry[] = []

  constructor(private readonly severalClients: boolean) {}

  reset(): void {
    this.entries = []
    this.pending = []
    this.all = []
    this.seq = 0
    this.clearedAt = 0
    this.dropped = 0
  }

  /** a line arrived; it shows at the next flush */
  add(entry: ConsoleEntry): void {
    const numbered = { ...entry, seq: ++this.seq }
    this.pending.push(numbered)
    this.all.push(numbered)
  }

  /** the pending lines join the list (once per frame) */
  flush(): void {
    if (this.pending.length === 0) return
    const all = [...this.entries, ...this.pending.splice(0)]
    if (this.severalClients) all.sort((a, b) => a.t - b.t || (a.clientIndex ?? 0) - (b.clientIndex ?? 0))
    const over = Math.max(0, all.length - MAX_LINES)
    this.dropped += over
    this.entries = over ? all.slice(over) : all
  }

  /** every line of the run (in time, then client, order), for the checks */
  get everyLine(): readonly ConsoleEntry[] {
    return this.severalClients ? [...this.all].sort((a, b) => a.t - b.t || (a.clientIndex ?? 0) - (b.clientIndex ?? 0)) : this.all
  }

  /** empty the pane; the checks still read every line of the run */
  clear(): void {
    this.flush()
    this.clearedAt = this.seq
  }
}
