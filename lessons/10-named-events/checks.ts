import { defineChecks, formatSeconds, isPlainObject, lineOf, sameText, whenAndWhere, type LoggedCall, type RunQuery } from 'wirelab/checks'

// lesson.md's scenario: the build's 13 events, the drop at 3.3 s, the server's retry: 1000
const EVENT_COUNT = 13
const DROP_MS = 3300
const RETRY_MS = 1000

type SseEvent = ReturnType<RunQuery['sseEvents']>[number]

/** the events of /api/build that reached the code before the run ended (replays included) */
function dispatched(run: RunQuery): SseEvent[] {
  const conns = new Set(run.requestsTo('/api/build', 'EventSource').map((r) => r.conn))
  return run.sseEvents().filter((e) => e.dispatches && conns.has(e.conn) && e.arrives <= run.end.at)
}

/** the type a listener sees: the `event:` field, or "message" */
const typeOf = (e: SseEvent) => e.fields.event ?? 'message'

/** the lines this event should make the code log */
function linesFor(run: RunQuery, e: SseEvent): string[] {
  const data = run.json(e)
  switch (typeOf(e)) {
    case 'stage':
      return isPlainObject(data) ? [`stage: ${String(data.name)}`] : []
    case 'log':
      return (e.fields.data ?? '').split('\n').map((line) => `log: ${line}`)
    case 'done':
      return isPlainObject(data) ? [`done: ${String(data.result)}`] : []
    default:
      return isPlainObject(data) ? [`progress ${String(data.percent)}%`] : []
  }
}

/** the calls made while handling this very event */
const callsFor = (run: RunQuery, e: SseEvent): LoggedCall[] => run.callsHandling(['sse-event']).filter((c) => c.cause?.event === e.seq)

const label = (e: SseEvent) =>
  `The ${e.fields.event ? `\`${e.fields.event}\` event` : 'unnamed event'} with id ${e.fields.id ?? '?'} (${formatSeconds(e.arrives)})`

/** the first event of these types whose lines were not logged exactly once from it; why, in words */
function wrongLines(run: RunQuery, types: readonly string[]): string | undefined {
  for (const e of dispatched(run).filter((x) => types.includes(typeOf(x)))) {
    const wanted = linesFor(run, e)
    const calls = callsFor(run, e)
    for (const line of wanted) {
      const n = calls.filter((c) => sameText(lineOf(c), line)).length
      if (n === 1) continue
      if (n > 1) return `${label(e)} was logged ${n} times: log each line once.`
      if (calls.length === 0) {
        const elsewhere = run.calls().find((c) => sameText(lineOf(c), line))
        if (elsewhere) return `${label(e)}: its line was logged ${whenAndWhere(run, elsewhere)}, not by a listener while handling that event.`
        return e.fields.event
          ? `${label(e)} reached the browser, but no listener of yours ran for it: onmessage only gets events without a name. Add es.addEventListener('${e.fields.event}', …).`
          : `${label(e)} reached the browser, but nothing was logged for it: unnamed events go to onmessage.`
      }
      const joined = calls.find((c) => lineOf(c).includes('\n'))
      if (joined && wanted.length > 1)
        return `${label(e)} carries ${wanted.length} lines in e.data, joined with "\\n": your code logged them as one line. Split e.data on "\\n" and log each line on its own.`
      return `${label(e)} was handled, but the lines logged for it (${calls.map((c) => JSON.stringify(lineOf(c))).join(', ')}) are not in the form the task asks for.`
    }
  }
  return undefined
}

export default defineChecks([
  {
    id: 'named-events-by-type',
    title: 'Log stage, progress and done events, each from a listener of its own type',
    claims: [49],
    undisturbed: true,
    run(run) {
      const events = dispatched(run)
      if (events.length === 0) return { pass: false, message: "No event of /api/build reached your code: new EventSource('/api/build')." }
      const problem = wrongLines(run, ['stage', 'message', 'done'])
      if (problem) return { pass: false, message: problem }
      const types = new Set(events.map(typeOf))
      if (!types.has('done')) return { pass: false, message: 'The `done` event never reached your code: keep the EventSource open until it arrives.' }
      return { pass: true, message: `Stages, progress and the end, each from a listener of its type (${[...types].join(', ')}).` }
    },
  },
  {
    id: 'log-lines-one-by-one',
    title: 'Log each line of a multi-line `log` event on its own',
    claims: [50],
    undisturbed: true,
    run(run) {
      const logs = dispatched(run).filter((e) => typeOf(e) === 'log')
      if (logs.length === 0) return { pass: false, message: "No `log` event reached your code: open new EventSource('/api/build') and listen for 'log'." }
      const problem = wrongLines(run, ['log'])
      if (problem) return { pass: false, message: problem }
      const lines = logs.reduce((n, e) => n + linesFor(run, e).length, 0)
      return { pass: true, message: `${logs.length} log events, ${lines} lines, each logged on its own.` }
    },
  },
  {
    id: 'every-event-once',
    title: 'Every event arrives once, across the dropped connection',
    claims: [51],
    undisturbed: true,
    run(run) {
      const events = dispatched(run)
      const seen = new Map<string, SseEvent[]>()
      for (const e of events) seen.set(e.fields.id ?? '', [...(seen.get(e.fields.id ?? '') ?? []), e])
      const twice = [...seen.entries()].find(([, list]) => list.length > 1)
      if (twice)
        return {
          pass: false,
          message: `Event ${twice[0]} reached your code ${twice[1].length} times (${twice[1].map((e) => `on ${e.conn} at ${formatSeconds(e.arrives)}`).join(', ')}): a new EventSource starts without Last-Event-ID, so the server sent the build log again. Keep the one EventSource: the browser reconnects it by itself.`,
        }
      const missing = Array.from({ length: EVENT_COUNT }, (_, i) => String(i + 1)).filter((id) => !seen.has(id))
      if (missing.length > 0) {
        const closed = run.record.trace.find((e) => e.kind === 'conn.close' && e.from === 'client' && e.t < run.end.at)
        return {
          pass: false,
          message: `Events ${missing.join(', ')} never reached your code${closed ? `: your code closed the EventSource at ${formatSeconds(closed.t)}` : ''}. Close it only when the build is done; after a drop the browser reconnects by itself.`,
        }
      }
      const resumed = run.requestsTo('/api/build', 'EventSource').find((r) => r.t > DROP_MS && r.headers.some((h) => h.name === 'Last-Event-ID'))
      return {
        pass: true,
        message: resumed
          ? `All ${EVENT_COUNT} events once. After the drop the browser waited ${formatSeconds(resumed.t - DROP_MS - 50)} (the server's retry: ${RETRY_MS}) and reconnected with Last-Event-ID: ${resumed.headers.find((h) => h.name === 'Last-Event-ID')!.value}.`
          : `All ${EVENT_COUNT} events once.`,
      }
    },
  },
  {
    id: 'closes-when-done',
    title: 'Close the EventSource when the `done` event arrives, so the browser does not reconnect to a finished build',
    claims: [33],
    undisturbed: true,
    run(run) {
      const done = dispatched(run).find((e) => typeOf(e) === 'done')
      if (!done) return { pass: false, message: 'The `done` event never reached your code: keep the EventSource open until it arrives.' }
      const after = run.requestsTo('/api/build', 'EventSource').filter((r) => r.t > done.arrives)
      if (after.length > 0)
        return {
          pass: false,
          message: `The build ended with \`done\` at ${formatSeconds(done.arrives)}, but the browser asked for /api/build ${after.length} more time${after.length === 1 ? '' : 's'} (first at ${formatSeconds(after[0]!.t)}): when the server ends a stream, an EventSource reconnects. Call es.close() in the \`done\` listener.`,
        }
      return { pass: true, message: `Closed when the build was done (${formatSeconds(done.arrives)}): no reconnection after it.` }
    },
  },
])
