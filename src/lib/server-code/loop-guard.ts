// The watchdog for server code the learner edits. That code runs in the page, inside the simulation's
// own callbacks (synchronous, deterministic, on the one clock), so a runaway loop there would freeze
// the page: the compiler puts a call to `check(line)` at the top of every loop body and function body,
// and the guard stops the code once it has run `budgetMs` of real time without the page getting back
// to its event loop. From then on every check throws, so a `try` inside the loop cannot keep it going.
//
// A "slice" is the real time since the first check after the event loop last ran a task: a macrotask
// resets it, microtasks do not (so `while (true) await 0` is stopped too).

export class ServerCodeStopped extends Error {
  constructor(
    readonly line: number,
    budgetMs: number,
  ) {
    super(
      `The server code ran for more than ${budgetMs / 1000} s without returning (line ${line}), so the run was stopped. Look for a loop that never ends in server.ts.`,
    )
    this.name = 'Stopped'
  }
}

export interface LoopGuardOptions {
  budgetMs: number
  /** real time in ms */
  now?: () => number
  /** runs `fn` once the page is back in its event loop (a macrotask) */
  later?: (fn: () => void) => void
  /** the code was stopped at `line`: end the run (called once, from a macrotask) */
  onStop: (stopped: ServerCodeStopped) => void
}

/** checks between two looks at the clock: reading it on every iteration would slow tight loops tenfold */
const CHECKS_PER_LOOK = 1024

export class LoopGuard {
  private sliceStart: number | null = null
  private checks = 0
  private stopped: ServerCodeStopped | null = null
  private readonly now: () => number
  private readonly later: (fn: () => void) => void

  constructor(private readonly options: LoopGuardOptions) {
    this.now = options.now ?? (() => performance.now())
    this.later = options.later ?? ((fn) => setTimeout(fn, 0))
  }

  /** the code was stopped (every later check throws) */
  get tripped(): ServerCodeStopped | null {
    return this.stopped
  }

  /** called by the instrumented code at the top of every loop and function body */
  readonly check = (line: number): void => {
    if (this.stopped) throw this.stopped
    if (this.sliceStart === null) {
      this.sliceStart = this.now()
      this.checks = 0
      this.later(() => (this.sliceStart = null))
    }
    if (++this.checks % CHECKS_PER_LOOK !== 0) return
    if (this.now() - this.sliceStart <= this.options.budgetMs) return
    const stopped = new ServerCodeStopped(line, this.options.budgetMs)
    this.stopped = stopped
    this.later(() => this.options.onStop(stopped))
    throw stopped
  }
}
