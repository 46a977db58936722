// LearnerRun in Node, its workers stood in for: what the learner sees when their code's worker says
// something (console lines with their cause, errors, WebSocket traffic) and when the run stops because
// of their code (close(), a hang, a tampered worker, too many connections, postMessage).
import { describe, expect, it } from 'vitest'
import { Simulation } from '../sim/simulation.ts'
import { ChatServer } from '../sim/servers/chat.ts'
import { LearnerRun, type LearnerRunOptions, type RunWorkers } from './learner-run.ts'
import type { ClientWorkersOptions } from './client-workers.ts'
import type { PageToWorker, WorkerToPage, WorkerMessage } from './protocol.ts'
import type { ConsoleEntry, LearnerError, RunEnd } from './run-output.ts'

/** a run on a chat server whose workers are a stand-in: `say` is a message from client `client`'s worker */
function chatRun(options: Partial<LearnerRunOptions> = {}, serviceWorker = true) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new ChatServer(ctx, { script: [], pingIntervalMs: 60_000 }),
  })
  const seen = { console: [] as ConsoleEntry[], errors: [] as LearnerError[], ends: [] as RunEnd[], posted: [] as PageToWorker[], terminated: 0 }
  let hooks: ClientWorkersOptions | null = null
  const workers = (o: ClientWorkersOptions): RunWorkers => {
    hooks = o
    return {
      driven: null as unknown as RunWorkers['driven'],
      nameOf: (i) => (o.names.length > 1 ? o.names[i] : undefined),
      start: async () => serviceWorker,
      send: (_conn, m) => seen.posted.push(m),
      linkFor: () => ({ request: async () => undefined }) as unknown as ReturnType<RunWorkers['linkFor']>,
      terminate: () => seen.terminated++,
    }
  }
  const run = new LearnerRun({
    runId: 't.1',
    code: '',
    sim,
    durationMs: 60_000,
    speed: () => Infinity,
    origin: 'http://wirelab.test',
    onConsole: (entry) => seen.console.push(entry),
    onUi: () => {},
    onError: (error) => seen.errors.push(error),
    onProgress: () => {},
    onEnd: (why) => seen.ends.push(why),
    workers,
    ...options,
  })
  const say = (m: WorkerMessage, client = 0) => hooks!.onMessage({ now: sim.now, next: null, ...m } as WorkerToPage, client)
  return { sim, run, seen, say, hooks: () => hooks! }
}

describe('LearnerRun, as the learner sees it', () => {
  it('shows console lines with what the code was handling, and ends with the page closing the connections when stopped', async () => {
    const { sim, run, seen, say } = chatRun()
    say({ type: 'ws-connect', conn: 1, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    sim.scheduler.runDue(200)
    // the event is posted a few promise steps later, when it is its turn
    await new Promise((resolve) => setTimeout(resolve, 0))
    // the 101 reached the client: the learner's code is handed `open`, and simulated time waits for its listeners
    expect(seen.posted).toEqual([{ type: 'ws-event', conn: 1, n: 1, event: 'open', protocol: '' }])
    say({ type: 'ws-ack', conn: 1, n: 1 })
    say({ type: 'console', level: 'log', t: 100, args: [{ type: 'string', value: 'open!' }], cause: { kind: 'ws-event', conn: 1, n: 1 } })
    const response = sim.trace.events.find((e) => e.kind === 'http.response')!
    expect(seen.console).toEqual([
      { level: 'log', t: 100, args: [{ type: 'string', value: 'open!' }], clientIndex: 0, cause: { kind: 'ws-event', conn: 'c1', event: response.seq } },
    ])
    run.stop()
    expect(seen.ends).toEqual(['stopped'])
    expect(seen.terminated).toBe(1)
    // the trace says why the connection ended
    expect(sim.trace.events.at(-1)).toMatchObject({
      kind: 'conn.close',
      conn: 'c1',
      reason: 'Stop was pressed: the page closed the connection (close code 1006, abnormal closure: no close frame was sent)',
    })
    // after the end, nothing the worker says reaches the page
    say({ type: 'console', level: 'log', t: 300, args: [], cause: { kind: 'top' } })
    expect(seen.console).toHaveLength(1)
  })

  it('stops the run when the code closes its own worker, and says how to close a connection instead', () => {
    const { seen, say } = chatRun()
    say({ type: 'closed-itself' })
    expect(seen.errors.map((e) => [e.phase, e.message])).toEqual([
      [
        'stopped',
        'Your code called close(), which stops the worker your code runs in, so the run ended here. To end a connection, call close() on it (es.close(), ws.close()).',
      ],
    ])
    expect(seen.ends).toEqual(['error'])
  })

  it('stops a run whose code spins, and names the likely loop', () => {
    const { seen, hooks } = chatRun()
    hooks().onHang(0)
    expect(seen.errors[0]).toMatchObject({ phase: 'hang', name: 'Stopped', location: null })
    expect(seen.errors[0]!.message).toMatch(/^Your code ran for more than 2 s without pausing, so the run was stopped\. Look for a loop that never ends/)
    expect(seen.ends).toEqual(['hung'])
  })

  it('stops a worker that speaks of a connection that is not its own (client B naming one of A)', () => {
    const { seen, say } = chatRun({ clients: ['Alice', 'Bob'] })
    say({ type: 'ws-connect', conn: 1_000_001, t: 0, url: 'ws://wirelab.test/chat', protocols: [] }, 1)
    expect(seen.errors).toEqual([
      {
        phase: 'stopped',
        name: 'Stopped',
        location: null,
        t: 0,
        client: 'Bob',
        message: 'Your code tampered with the worker it runs in, so the page stopped the run: it spoke of a connection (1000001) that is not its own.',
      },
    ])
    expect(seen.ends).toEqual(['error'])
  })

  it('stops a run that opens more connections than the lesson allows', () => {
    const { seen, say } = chatRun({ limits: { requestsPerSecond: 50, openConnections: 2 } })
    for (let conn = 1; conn <= 3; conn++) say({ type: 'ws-connect', conn, t: 0, url: 'ws://wirelab.test/chat', protocols: [] })
    expect(seen.errors.map((e) => e.phase)).toEqual(['limit'])
    expect(seen.errors[0]!.message).toMatch(/connections/)
    expect(seen.ends).toEqual(['error'])
  })

  it('hints once that postMessage() reaches no one', () => {
    const { seen, hooks } = chatRun()
    hooks().onLearnerPost(0)
    hooks().onLearnerPost(0)
    expect(seen.console.map((e) => [e.hint, e.args])).toEqual([
      [
        true,
        [
          {
            type: 'string',
            value:
              'Your code called postMessage(): your code runs in a worker of its own, and the page does not read its messages. Use console.log or the ui helper to show something.',
          },
        ],
      ],
    ])
    expect(seen.ends).toEqual([])
  })

  it('says to reload when the service worker that simulates the server is gone', async () => {
    const { run, seen } = chatRun({}, false)
    await run.start()
    expect(seen.errors.map((e) => e.message)).toEqual([
      'The service worker that simulates the server is not running in this tab (it is removed when site data is cleared), so your code could not reach the simulated server. Reload the page to start it again.',
    ])
    expect(seen.ends).toEqual(['error'])
  })
})
