// The page's end of the learner worker: typed messages, the worker's clock as last reported, and a
// watchdog on every request, so learner code that never yields cannot stall the page's run.
import type { PageToWorker, WorkerToPage } from './protocol.ts'

export interface WorkerLinkOptions {
  /** real ms the worker may take to answer before it counts as hung */
  watchdogMs: number
  onMessage: (message: WorkerToPage) => void
  onHang: (waitingFor: string) => void
}

export class WorkerLink {
  /** the worker's simulated time as it last reported it */
  now = 0
  /** the worker's next due timer (simulated ms) as it last reported it */
  next: number | null = null
  private waiting = new Map<string, Array<(m: WorkerToPage) => boolean>>()
  private terminated = false

  constructor(
    private readonly worker: Worker,
    private readonly options: WorkerLinkOptions,
  ) {
    worker.addEventListener('message', (event: MessageEvent<WorkerToPage>) => this.receive(event.data))
  }

  send(message: PageToWorker): void {
    if (!this.terminated) this.worker.postMessage(message)
  }

  /** send, then wait for the worker's reply of type `reply` (with the watchdog) */
  request<T extends WorkerToPage['type']>(
    message: PageToWorker,
    reply: T,
    match: (m: Extract<WorkerToPage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<WorkerToPage, { type: T }>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.terminated) this.options.onHang(reply)
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
    this.worker.terminate()
    this.waiting.clear()
  }

  private receive(message: WorkerToPage): void {
    this.now = message.now
    this.next = message.next
    this.options.onMessage(message)
    const list = this.waiting.get(message.type)
    if (!list) return
    const i = list.findIndex((waiter) => waiter(message))
    if (i >= 0) list.splice(i, 1)
  }
}
