// The page's end of one learner worker: typed messages over the worker's private port, the worker's
// clock as last reported, and a watchdog on every request, so learner code that never yields cannot
// stall the page's run. Whatever arrives is checked first (worker-messages.ts); the worker's public
// channel only ever carries the learner's own postMessage() calls.
import type { PageToWorker, WorkerToPage } from './protocol.ts'
import { parseWorkerMessage } from './worker-messages.ts'

/** real ms a watchdog waits again after it fires (see request) */
const GRACE_MS = 200

export interface WorkerLinkOptions {
  /** real ms the worker may take to answer before it counts as hung (unless a request says otherwise) */
  watchdogMs: number
  onMessage: (message: WorkerToPage) => void
  onHang: (waitingFor: string) => void
  /** a message that does not fit the protocol arrived (the learner's code tampered with the realm) */
  onInvalid: (problem: string) => void
  /** the learner's code called postMessage() */
  onLearnerPost: () => void
}

export class WorkerLink {
  /** the worker's simulated time as it last reported it */
  now = 0
  /** the worker's next due timer (simulated ms) as it last reported it */
  next: number | null = null
  private waiting = new Map<string, Array<(m: WorkerToPage) => boolean>>()
  private terminated = false
  private readonly port: MessagePort
  /** the worker's end of the private channel, until `init` hands it over */
  private transfer: MessagePort | null

  constructor(
    private readonly worker: Worker,
    private readonly options: WorkerLinkOptions,
  ) {
    const channel = new MessageChannel()
    this.port = channel.port1
    this.port.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data)
    worker.addEventListener('message', () => options.onLearnerPost())
    this.transfer = channel.port2
  }

  send(message: PageToWorker): void {
    if (this.terminated) return
    if (message.type === 'init' && this.transfer) {
      // the only message on the public channel: it carries the private port
      this.worker.postMessage(message, [this.transfer])
      this.transfer = null
    } else {
      this.port.postMessage(message)
    }
  }

  /**
   * Send, then wait for the worker's reply of type `reply` (with the watchdog: `limitMs` real ms, the
   * watchdog's own time unless given)
   */
  request<T extends WorkerToPage['type']>(
    message: PageToWorker,
    reply: T,
    match: (m: Extract<WorkerToPage, { type: T }>) => boolean = () => true,
    limitMs = this.options.watchdogMs,
  ): Promise<Extract<WorkerToPage, { type: T }>> {
    return new Promise((resolve) => {
      let timer = setTimeout(() => {
        // the page itself may have been busy (a long render) while the answer waited in its queue: give
        // queued messages a moment before calling the worker hung
        timer = setTimeout(() => {
          if (!this.terminated) this.options.onHang(reply)
        }, GRACE_MS)
      }, limitMs)
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
    this.port.close()
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
