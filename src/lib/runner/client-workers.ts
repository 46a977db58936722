// The learner clients of one run: one fresh worker each ("Alice", "Bob" … or one unnamed client), all
// running the learner's code (where and why: learner-host.ts). Each numbers its connections from its
// own base (see sim/conn-name.ts), so a connection number says which worker it belongs to.
import { startLearnerHost } from './learner-host.ts'
import { SIM_EPOCH_MS } from '../sim/clock.ts'
import { clientIndexOf, connBase } from '../sim/conn-name.ts'
import type { DrivenWorker } from './clock-driver.ts'
import type { PageToWorker, WorkerToPage } from './protocol.ts'
import { WorkerGroup } from './worker-group.ts'
import { WorkerLink } from './worker-link.ts'

export interface ClientWorkersOptions {
  runId: string
  /** client names in order; one name '' for a lesson with a single client */
  names: readonly string[]
  watchdogMs: number
  onMessage: (message: WorkerToPage, client: number) => void
  onHang: (client: number) => void
  onLoadError: (message: string) => void
  /** a message from client `client`'s worker did not fit the protocol */
  onInvalid: (client: number, problem: string) => void
}

export class ClientWorkers {
  readonly links: WorkerLink[]
  /** what the clock driver moves: the one worker, or all of them in step */
  readonly driven: DrivenWorker

  constructor(private readonly options: ClientWorkersOptions) {
    this.links = options.names.map((_, i) => {
      const name = `wirelab-run-${options.runId}${options.names.length > 1 ? `-${i + 1}` : ''}`
      const host = startLearnerHost(name)
      host.onLoadError((message) => options.onLoadError(message))
      return new WorkerLink(host, {
        watchdogMs: options.watchdogMs,
        onMessage: (m) => options.onMessage(m, i),
        onHang: () => options.onHang(i),
        onInvalid: (problem) => options.onInvalid(i, problem),
      })
    })
    this.driven = this.links.length === 1 ? this.links[0]! : new WorkerGroup(this.links)
  }

  /** the name to show for client `index`, or undefined in a single-client lesson */
  nameOf(index: number): string | undefined {
    return this.links.length > 1 ? this.options.names[index] : undefined
  }

  /**
   * Set every worker up, then start the code in each, in client order. False when a worker's requests
   * would not reach the simulated server (no service worker answers them).
   */
  async start(code: string, language: 'javascript' | 'typescript'): Promise<boolean> {
    const { runId, names } = this.options
    const pageUrl = location.href
    const ready = await Promise.all(
      this.links.map((link, i) =>
        link.request(
          { type: 'init', runId, epochMs: SIM_EPOCH_MS, connBase: connBase(i, names.length), client: { name: names[i]!, index: i }, pageUrl },
          'ready',
        ),
      ),
    )
    if (!ready.every((r) => r.serviceWorker)) return false
    for (const link of this.links) await link.request({ type: 'run', code, language }, 'started')
    return true
  }

  /** send to the worker that owns connection `conn` */
  send(conn: number, message: PageToWorker): void {
    this.linkFor(conn).send(message)
  }

  linkFor(conn: number): WorkerLink {
    return this.links[clientIndexOf(conn)] ?? this.links[0]!
  }

  terminate(): void {
    for (const link of this.links) link.terminate()
  }
}
