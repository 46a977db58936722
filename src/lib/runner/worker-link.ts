// The page's end of one learner worker: typed messages over its port, the worker's clock as last
// reported, and a watchdog on every request, so learner code that never yields (or a worker that ran
// out of memory) cannot stall the page's run. Whatever arrives is checked first (worker-messages.ts).
import type { LearnerHost } from './learner-host.ts'
import type { PageToWorker, WorkerToPage } from './protocol.ts'
import { parseWorkerMessage } from './worker-messages.ts'

/** real ms a watchdog waits again after it fires (see request) */
const GRACE_MS = 200

export interface WorkerLinkOptions {
  /** real ms the worker may take to answer before it counts as hung */
  watchdogMs: number
  onMessage: (message: WorkerToPage) => void
  onHang: (waitingFor: string) => void
  /** a message that does not fit the protocol arrived (the learner's code tampered with the realm) */
  onInvalid: (problem: string) => void
}

export class WorkerLink {
  /** the worker's simulated time as it last reported it */
  now = 0
  /** the worker's next due timer (simulated ms) as it last reported it */
  next: number | null = null
  private waiting = new Map<string, Array<(m: WorkerToPage) => boolean>>()
  private terminated = false
  constructor(
    private readonly host: LearnerHost,
    private readonly options: WorkerLinkOptions,
  ) {
    host.port.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data)
  }

  send(message: PageToWorker): void {
    if (!this.terminated) this.host.port.postMessage(message)
  }

  /** send, then wait for the worker's reply of type `reply` (with the watchdog) */
  request<T extends WorkerToPage['type']>(
    message: PageToWorker,
    reply: T,
    match: (m: Extract<WorkerToPage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<WorkerToPage, { type: T }>> {
    return new Promise((resolve) => {
      let timer = setTimeout(() => {
        // the page itself may have been busy (a long render) while the answer waited in its queue: give
        // queued messages a moment before calling the worker hung
        timer = setTimeout(() => {
          if (!this.terminated) this.options.onHang(reply)
        }, GRACE_MS)
      }, this.options.watchdogMs)
      const list = this.waiting.get(reply) ?? []
      const waiter = (m: WorkerToPage): boolean => {
        const typed = m as Extract<WorkerToPage, { type: T }>
        if (!match(typed)) return false
        clearTimeout(timer)
        resolve(typed)
        return true
      }
      list.push(waiter)
      this.waiting.set(reply, list)
      this.send(message)
    })
  }

  /** run the learner's worker clock forward (see LearnerClock.advance) */
  async advance(to: number): Promise<void> {
    await this.request({ type: 'advance', to }, 'advanced')
  }

  terminate(): void {
    this.terminated = true
    this.host.terminate()
    this.waiting.clear()
  }

  private receive(raw: unknown): void {
    if (this.terminated) return
    const parsed = parseWorkerMessage(raw)
    if ('problem' in parsed) return this.options.onInvalid(parsed.problem)
    const message = parsed.message
    this.now = message.now
    this.next = message.next
    this.options.onMessage(message)
    const list = this.waiting.get(message.type)
    if (!list) return
    const i = list.findIndex((waiter) => waiter(message))
    if (i >= 0) list.splice(i, 1)
  }
}
