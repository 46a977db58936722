import { defineChecks, formatSeconds, lineOf, listWords, pathOf, upperFirst, whenAndWhere, type LoggedCall, type RunQuery } from 'wirelab/checks'

type TraceEvent = RunQuery['record']['trace'][number]
type HttpQueuedEvent = Extract<TraceEvent, { kind: 'http.queued' }>
type HttpRequestEvent = ReturnType<RunQuery['requests']>[number]

const TABS = ['Tab 1', 'Tab 2']
const WIDGETS = ['cpu', 'memory', 'requests', 'errors']

/** the browser's HTTP/1.1 connections per origin (Chromium) */
const POOL = 6

const isQueued = (e: TraceEvent): e is HttpQueuedEvent => e.kind === 'http.queued'
const queuedEvents = (run: RunQuery) => run.record.trace.filter(isQueued)
/** the request a queued connection finally sent, if it did */
const sentLater = (run: RunQuery, conn: string) => run.requests().find((r) => r.conn === conn)

/** the widget and value an SSE event carried ({"widget":"cpu","value":42}), or null */
function sample(run: RunQuery, event: TraceEvent | undefined): { widget: string; value: number } | null {
  if (event?.kind !== 'sse.event') return null
  const data = run.json(event) as { widget?: unknown; value?: unknown } | undefined
  return typeof data?.widget === 'string' && typeof data.value === 'number' ? { widget: data.widget, value: data.value } : null
}

/** did this call log the update its event carried (the widget's value, with the widget named)? */
function logsUpdate(run: RunQuery, call: LoggedCall, widget: string): boolean {
  const s = sample(run, run.handled(call))
  if (!s || s.widget !== widget) return false
  const line = lineOf(call)
  return run.loggedFromHandled(call) || (line.includes(widget) && new RegExp(`(^|\\D)${s.value}(\\D|$)`).test(line))
}

/** how a request that waited is told: "B3 (GET /api/metrics/requests) waited from 0.000 s to the end of the run" */
function waitWords(run: RunQuery, q: HttpQueuedEvent): string {
  const sent = sentLater(run, q.conn)
  const closed = run.record.trace.find((e) => e.kind === 'conn.close' && e.conn === q.conn && e.to === 'client' && e.from === 'client')
  const until = sent
    ? `until ${formatSeconds(sent.t)}`
    : closed && closed.t < run.end.at
      ? `until your code closed it at ${formatSeconds(closed.t)}`
      : 'to the end of the run'
  return `${q.conn} (${q.method} ${q.target}) waited for a connection from ${formatSeconds(q.t)} ${until}`
}

/** "Tab 2's requests and errors widgets never updated", "No widget updated, in either tab" */
function missingWords(missing: ReadonlyArray<{ tab: string; widget: string }>): string {
  if (missing.length === TABS.length * WIDGETS.length) return 'No widget updated, in either tab'
  const clauses = TABS.flatMap((tab) => {
    const widgets = missing.filter((m) => m.tab === tab).map((m) => m.widget)
    if (widgets.length === 0) return []
    if (widgets.length === WIDGETS.length) return [`none of ${tab}'s widgets updated`]
    return [`${tab}'s ${listWords(widgets)} widget${widgets.length > 1 ? 's' : ''} never updated`]
  })
  return upperFirst(listWords(clauses))
}

/** the most HTTP connections (requests sent and not yet ended, streams) open at once, over both tabs */
function mostOpen(run: RunQuery): number {
  const open = new Set<string>()
  let most = 0
  for (const e of run.record.trace) {
    if (e.kind === 'http.request' && e.api !== 'WebSocket') open.add(e.conn)
    else if (e.kind === 'conn.close' || e.kind === 'conn.error' || (e.kind === 'http.response' && !e.streaming)) open.delete(e.conn)
    most = Math.max(most, open.size)
  }
  return most
}

/** the EventSources a tab opened (their first requests, not the browser's reconnections) */
const streamsOf = (run: RunQuery, tab: string): HttpRequestEvent[] =>
  run.requests().filter((r) => r.api === 'EventSource' && r.client === tab && !/\.\d+$/.test(r.conn))

export default defineChecks([
  {
    id: 'every-widget-updates',
    title: 'Every widget updates in both tabs, each update logged from the event that carried it',
    claims: [61, 62, 63],
    run(run) {
      const missing: Array<{ tab: string; widget: string }> = []
      for (const tab of TABS)
        for (const widget of WIDGETS) if (!run.callsHandling(['sse-event'], tab).some((c) => logsUpdate(run, c, widget))) missing.push({ tab, widget })
      if (missing.length === 0) return { pass: true, message: `All ${WIDGETS.length} widgets updated in both tabs, each from its event.` }
      const { tab, widget } = missing[0]!
      const which = missingWords(missing)
      // its stream never got a connection
      const stuck = queuedEvents(run).find((q) => q.client === tab && pathOf(q.target) === `/api/metrics/${widget}` && !sentLater(run, q.conn))
      if (stuck)
        return {
          pass: false,
          message: `${which}: ${waitWords(run, stuck)}. The browser's ${POOL} connections to the server were all held by open streams (${stuck.busy.join(', ')}), shared by both tabs, and a stream never gives its connection back.`,
        }
      // a line about the widget, written without its event
      const fake = run.calls(tab).find((c) => lineOf(c).includes(widget) && c.cause?.kind !== 'sse-event')
      if (fake)
        return {
          pass: false,
          message: `A line about ${tab}'s ${widget} widget was logged ${whenAndWhere(run, fake)}, not while handling the event that carried its value. Log each update from its event (e.data).`,
        }
      // the events came, named, and nobody listened for them
      const named = run.sseEvents().find((e) => e.client === tab && e.fields.event === widget)
      if (named && !run.callsHandling(['sse-event'], tab).some((c) => sample(run, run.handled(c))?.widget === widget))
        return {
          pass: false,
          message: `${which}: the server sent ${tab} events named "${widget}" on ${named.conn} (from ${formatSeconds(named.arrives)}), but no listener of yours handled them. onmessage only gets events without an event: line; listen with es.addEventListener('${widget}', …).`,
        }
      const near = run.callsHandling(['sse-event'], tab).find((c) => sample(run, run.handled(c))?.widget === widget)
      if (near)
        return {
          pass: false,
          message: `${which}: the line logged ${whenAndWhere(run, near)} does not carry the widget and the value its event brought. Log the widget's name and the value from e.data.`,
        }
      return {
        pass: false,
        message: `${which}. Open an EventSource on /api/dashboard in each tab and listen for each widget's named events.`,
      }
    },
  },
  {
    id: 'signed-in',
    title: 'Both tabs show who is signed in, from the answer to /api/me',
    claims: [62],
    run(run) {
      for (const tab of TABS) {
        const calls = run.callsHandling(['fetch'], tab).filter((c) => {
          const request = run.requests().find((r) => r.conn === c.cause?.conn)
          const name = (run.json(run.handled(c)) as { name?: unknown } | undefined)?.name
          return request !== undefined && pathOf(request.target) === '/api/me' && typeof name === 'string' && lineOf(c).includes(name)
        })
        if (calls.length > 0) continue
        const stuck = queuedEvents(run).find((q) => q.client === tab && pathOf(q.target) === '/api/me' && !sentLater(run, q.conn))
        if (stuck)
          return {
            pass: false,
            message: `${tab} never showed who is signed in: ${waitWords(run, stuck)}. A plain fetch needs a connection too, and open streams held all ${POOL}.`,
          }
        const asked = run.requests().some((r) => r.client === tab && pathOf(r.target) === '/api/me')
        const fake = run.calls(tab).find((c) => /signed in/i.test(lineOf(c)) && c.cause?.kind !== 'fetch')
        if (fake)
          return {
            pass: false,
            message: `${tab}'s signed-in line was logged ${whenAndWhere(run, fake)}, not while handling the answer to /api/me. Log the name the server sent.`,
          }
        return {
          pass: false,
          message: asked
            ? `${tab} asked /api/me but never logged the name from its answer. Log it from the JSON the server sent.`
            : `${tab} never asked /api/me who is signed in. Fetch it and log the name from its answer.`,
        }
      }
      return { pass: true, message: 'Both tabs showed who is signed in, from the answer to /api/me.' }
    },
  },
  {
    id: 'nothing-waits',
    title: `No request waits for a connection (the browser opens at most ${POOL} to the server, for both tabs)`,
    claims: [61, 62],
    run(run) {
      const queued = queuedEvents(run)
      const most = mostOpen(run)
      if (queued.length === 0) {
        const over2 = run.requests().some((r) => r.stream !== undefined)
        return {
          pass: true,
          message: over2
            ? `No request waited: over HTTP/2 every request was a stream of one connection (at most ${most} at once).`
            : `No request waited: at most ${most} connection${most === 1 ? ' was' : 's were'} open at once, over both tabs.`,
        }
      }
      const first = queued[0]!
      const others = queued.length > 1 ? ` ${queued.length - 1} more waited after it (${listWords(queued.slice(1).map((q) => q.conn))}).` : ''
      return {
        pass: false,
        message: `${waitWords(run, first)}: ${first.busy.length} connections were already open to the server (${first.busy.join(', ')}), and Chromium allows ${POOL} per server over HTTP/1.1, shared by every tab of the browser.${others}`,
      }
    },
  },
  {
    id: 'one-stream-per-tab',
    title: 'Each tab opens one EventSource for all its widgets',
    claims: [63],
    run(run) {
      for (const tab of TABS) {
        const streams = streamsOf(run, tab)
        if (streams.length === 1) continue
        if (streams.length === 0) {
          const queued = queuedEvents(run).filter((q) => q.client === tab && q.api === 'EventSource')
          return {
            pass: false,
            message: queued.length
              ? `${tab}'s EventSource never got a connection: ${waitWords(run, queued[0]!)}.`
              : `${tab} opened no EventSource. Open one on /api/dashboard: its events are named after the widgets.`,
          }
        }
        const over2 = streams.some((s) => s.stream !== undefined)
        return {
          pass: false,
          message: over2
            ? `${tab} opened ${streams.length} EventSources (${listWords(streams.map((s) => `${s.conn} ${s.target}`))}). Over HTTP/2 they are streams of one connection and none waited, but each still costs the server an open stream, and over HTTP/1.1 each holds one of the browser's ${POOL} connections. One stream can carry every widget as named events.`
            : `${tab} opened ${streams.length} EventSources (${listWords(streams.map((s) => `${s.conn} ${s.target}`))}): each holds a connection for as long as it is open. One stream can carry every widget as named events.`,
        }
      }
      return { pass: true, message: 'One stream per tab: two connections carry all eight widgets.' }
    },
  },
])
