// The learner clients of one run: one fresh dedicated worker each ("Alice", "Bob" … or one unnamed
// client), all running the learner's code. Each numbers its connections from its own base (see
// sim/conn-name.ts), so a connection number says which worker it belongs to.
//
// The worker starts from a blob: URL that imports the real worker script. A blob-URL worker inherits the
// page's Content-Security-Policy (a worker loaded from a URL would take its policy from that response's
// headers, which a static host cannot set) and its service worker: learner code can then reach nothing
// but the page's origin, and only through the service worker.
import learnerWorkerUrl from './worker/learner-worker.ts?worker&url'
import { SIM_EPOCH_MS } from '../sim/clock.ts'
import { clientIndexOf, connBase } from '../sim/conn-name.ts'
import type { DrivenWorker } from './clock-driver.ts'
import type { PageToWorker, WorkerToPage } from './protocol.ts'
import { WorkerGroup } from './worker-group.ts'
import { WorkerLink } from './worker-link.ts'

export interface ClientWorkersOptions {
  runId: string
  /** the run's seed; each client's `Math.random` is seeded from it and the client's index */
  randomSeed: number
  /** client names in order; one name '' for a lesson with a single client */
  names: readonly string[]
  watchdogMs: number
  /**
   * real ms a worker may take to start (load its scripts, TypeScript's stripper too, and reach the
   * service worker) before it counts as hung: no learner code runs yet, and a busy machine or a cold
   * cache can take seconds, which must not end the run as if the code had spun
   */
  startupMs: number
  onMessage: (message: WorkerToPage, client: number) => void
  onHang: (client: number) => void
  onLoadError: (message: string) => void
  /** a message from client `client`'s worker did not fit the protocol */
  onInvalid: (client: number, problem: string) => void
  /** the learner's code in client `client` called postMessage() */
  onLearnerPost: (client: number) => void
}

/** one seed per client, so that Alice and Bob draw different numbers (the golden-ratio step spreads neighbouring indexes apart) */
const clientSeed = (seed: number, index: number): number => (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0

let bootstrapUrl: string | null = null
/** one small blob per page: a module that imports the learner worker's real script */
function learnerWorkerBootstrap(): string {
  bootstrapUrl ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(new URL(learnerWorkerUrl, location.href).href)}\n`], { type: 'text/javascript' }))
  return bootstrapUrl
}

export class ClientWorkers {
  readonly links: WorkerLink[]
  /** what the clock driver moves: the one worker, or all of them in step */
  readonly driven: DrivenWorker

  constructor(private readonly options: ClientWorkersOptions) {
    this.links = options.names.map((_, i) => {
      const name = `wirelab-run-${options.runId}${options.names.length > 1 ? `-${i + 1}` : ''}`
      const worker = new Worker(learnerWorkerBootstrap(), { type: 'module', name })
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        options.onLoadError(event.message || 'the worker script failed to load')
      })
      return new WorkerLink(worker, {
        watchdogMs: options.watchdogMs,
        onMessage: (m) => options.onMessage(m, i),
        onHang: () => options.onHang(i),
        onInvalid: (problem) => options.onInvalid(i, problem),
        onLearnerPost: () => options.onLearnerPost(i),
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
    const { runId, names, randomSeed } = this.options
    const pageUrl = location.href
    const ready = await Promise.all(
      this.links.map((link, i) =>
        link.request(
          {
            type: 'init',
            runId,
            epochMs: SIM_EPOCH_MS,
            connBase: connBase(i, names.length),
            client: { name: names[i]!, index: i },
            pageUrl,
            language,
            randomSeed: clientSeed(randomSeed, i),
          },
          'ready',
          undefined,
          this.options.startupMs,
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
