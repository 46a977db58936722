// The learner clients of one run: one fresh dedicated worker each ("Alice", "Bob" … or one unnamed
// client), all running the learner's code. Each numbers its connections from its own base (see
// sim/conn-name.ts), so a connection number says which worker it belongs to.
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
}

export class ClientWorkers {
  readonly links: WorkerLink[]
  /** what the clock driver moves: the one worker, or all of them in step */
  readonly driven: DrivenWorker

  constructor(private readonly options: ClientWorkersOptions) {
    this.links = options.names.map((_, i) => {
      const worker = new Worker(new URL('./worker/learner-worker.ts', import.meta.url), {
        type: 'module',
        name: `wirelab-run-${options.runId}${options.names.length > 1 ? `-${i + 1}` : ''}`,
      })
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        options.onLoadError(event.message || 'the worker script failed to load')
      })
      return new WorkerLink(worker, {
        watchdogMs: options.watchdogMs,
        onMessage: (m) => options.onMessage(m, i),
        onHang: () => options.onHang(i),
      })
    })
    this.driven = this.links.length === 1 ? this.links[0]! : new WorkerGroup(this.links)
  }

  /** the name to show for client `index`, or undefined in a single-client lesson */
  nameOf(index: number): string | undefined {
    return this.links.length > 1 ? this.options.names[index] : undefined
  }

  /** set every worker up, then start the code in each, in client order */
  async start(code: string, language: 'javascript' | 'typescript'): Promise<void> {
    const { runId, names } = this.options
    await Promise.all(
      this.links.map((link, i) =>
        link.request({ type: 'init', runId, epochMs: SIM_EPOCH_MS, connBase: connBase(i, names.length), client: { name: names[i]!, index: i } }, 'ready'),
      ),
    )
    for (const link of this.links) await link.request({ type: 'run', code, language }, 'started')
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
