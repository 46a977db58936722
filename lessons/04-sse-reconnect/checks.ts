import {
  defineChecks,
  faultKind,
  faultsWords,
  differenceWords,
  formatSeconds,
  lineOf,
  listWords,
  type LoggedCall,
  type RunQuery,
  whenAndWhere,
} from 'wirelab/checks'

const UPDATES = 8
const RECONNECTING = 'Reconnecting…'
const FULL_TIME = 'Full time'

/** c1 from c1.3; the attempt (1 for the first request of an EventSource) */
const baseOf = (conn: string) => conn.replace(/\.\d+$/, '')
const attemptOf = (conn: string) => Number(/\.(\d+)$/.exec(conn)?.[1] ?? 1)
const nextAttempt = (conn: string) => `${baseOf(conn)}.${attemptOf(conn) + 1}`

const streams = (run: RunQuery) => run.requestsTo('/api/stream', 'EventSource')

/** did the EventSource whose request was `conn` reconnect after it (its next attempt was sent)? */
const reconnectedAfter = (run: RunQuery, conn: string | undefined) => conn !== undefined && streams(run).some((r) => r.conn === nextAttempt(conn))

/** the longest a browser waits before it reconnects when the server sets no retry (Wirelab: 3 s) */
const LONGEST_RETRY_MS = 3000

/**
 * When the learner's code closed the EventSource (es.close()), if it did: its stream closed by the
 * client before the run ended, or broken with no reconnection after it although the run went on
 * longer than any reconnection time (a broken stream is only given up when the code closes it).
 */
function closedByCode(run: RunQuery): { t: number; conn: string } | undefined {
  const conns = new Set(streams(run).map((r) => r.conn))
  for (const e of run.record.trace) {
    if (e.kind !== 'conn.close' || !conns.has(e.conn)) continue
    if (e.from === 'client' && e.t < run.end.at) return { t: e.t, conn: e.conn }
    if (e.to === 'client' && !conns.has(nextAttempt(e.conn)) && run.end.at - e.arrives > LONGEST_RETRY_MS) {
      const handler = run.callsHandling(['sse-error']).find((c) => c.cause?.conn === e.conn)
      return { t: handler?.t ?? e.arrives, conn: e.conn }
    }
  }
  return undefined
}

/** the calls that logged update N while handling the event that carried it, by update id */
function updateLines(run: RunQuery): Map<number, LoggedCall[]> {
  const byId = new Map<number, LoggedCall[]>()
  for (const call of run.callsHandling(['sse-event'])) {
    const event = run.handled(call)
    if (event?.kind !== 'sse.event' || !event.fields.id) continue
    const data = run.json(event) as { minute?: unknown } | undefined
    const minute = typeof data?.minute === 'number' ? data.minute : null
    const mentions = minute !== null && new RegExp(`(^|\\D)${minute}(\\D|$)`).test(lineOf(call))
    if (!mentions && !run.loggedFromHandled(call)) continue
    const id = Number(event.fields.id)
    byId.set(id, [...(byId.get(id) ?? []), call])
  }
  return byId
}

/** the error event that told the code the EventSource gave up for good: an answer other than a 200 stream */
const givingUp = (run: RunQuery, call: LoggedCall) => {
  const event = run.handled(call)
  return call.cause?.kind === 'sse-error' && event?.kind === 'http.response' && event.status !== 200
}

export default defineChecks([
  {
    id: 'every-update-once',
    title: `Log all ${UPDATES} updates exactly once, each from its event, across the dropped connection`,
    claims: [33],
    run(run) {
      const lines = updateLines(run)
      const twice = [...lines.entries()].find(([, calls]) => calls.length > 1)
      if (twice) {
        const [id, calls] = twice
        const where = calls.map((c) => `at ${formatSeconds(c.t)} from ${c.cause?.conn ?? '?'}`).join(', ')
        const second = new Set(calls.map((c) => baseOf(c.cause?.conn ?? ''))).size > 1
        return {
          pass: false,
          message: `Update #${id} was logged ${calls.length} times (${where}).${second ? ' Your code opened a second EventSource, and the server sent it again: let the one EventSource reconnect by itself, with Last-Event-ID.' : ''}`,
        }
      }
      const missing = Array.from({ length: UPDATES }, (_, i) => i + 1).filter((id) => !lines.has(id))
      if (missing.length === 0) return { pass: true, message: `All ${UPDATES} updates, each once: the reconnection replayed what was missed.` }
      const names = listWords(missing.map((id) => `#${id}`))
      // a line that looks like a missing update, written without its event
      const fake = run.calls().find((c) => {
        const match = /#\s*(\d+)\b/.exec(lineOf(c))
        return match !== null && missing.includes(Number(match[1])) && c.cause?.kind !== 'sse-event'
      })
      if (fake)
        return {
          pass: false,
          message: `A line for update ${/#\s*\d+/.exec(lineOf(fake))![0].replace(/\s/g, '')} was logged ${whenAndWhere(run, fake)}, not in onmessage while handling the event that carried it. Log each update from its event (e.data, e.lastEventId).`,
        }
      const faults = run.learnerFaults()
      if (faults.length > 0) {
        const restarted = faults.some((f) => faultKind(f) === 'restart-server')
        return {
          pass: false,
          disturbed: true,
          message: `Updates ${names} never reached your code: ${faultsWords(faults)}, and they were sent while your EventSource was away${restarted ? '; the restarted server had forgotten its history, so it could not replay them' : ''}. Run again without pressing a fault to see every update arrive.`,
        }
      }
      const closed = closedByCode(run)
      if (closed)
        return {
          pass: false,
          message: `Updates ${names} never reached your log: your code closed the EventSource at ${formatSeconds(closed.t)}, so the browser did not reconnect. An error does not always mean the end: do not call es.close() in onerror.`,
        }
      return {
        pass: false,
        message: `Updates ${names} never reached your log. Log every update in onmessage, and let the browser reconnect after the drop: it resumes where it left off.`,
      }
    },
  },
  {
    id: 'reconnected-with-last-event-id',
    title: 'Let the browser reconnect: it sends Last-Event-ID and the server replays',
    claims: [33],
    undisturbed: true,
    run(run) {
      const resumed = streams(run).filter((r) => attemptOf(r.conn) > 1 && r.headers.some((h) => h.name === 'Last-Event-ID'))
      if (resumed.length === 0) {
        const closed = closedByCode(run)
        const own = streams(run).filter((r) => attemptOf(r.conn) === 1 && closed && r.t >= closed.t)
        if (closed && own.length > 0)
          return {
            pass: false,
            message: `The browser never reconnected: your code closed the EventSource at ${formatSeconds(closed.t)} and opened a new one itself (${own[0]!.conn}). A new EventSource starts from nothing and sends no Last-Event-ID. Do not close it on error: the browser reconnects by itself and resumes.`,
          }
        if (closed)
          return {
            pass: false,
            message: `The browser never reconnected: your code closed the EventSource (es.close()) at ${formatSeconds(closed.t)}. Do not close it on error: the browser reconnects by itself.`,
          }
        return {
          pass: false,
          message: 'The browser never reconnected. Open an EventSource on /api/stream, and do not call es.close() when the connection drops.',
        }
      }
      const id = resumed[0]!.headers.find((h) => h.name === 'Last-Event-ID')!.value
      return {
        pass: true,
        message: `Reconnected with Last-Event-ID: ${id}; the server replayed ${run.serverStat('replayed')} missed event${run.serverStat('replayed') === 1 ? '' : 's'}.`,
      }
    },
  },
  {
    id: 'tells-reconnecting-from-closed',
    title: 'Log "Reconnecting…" on a drop and "Full time" when the server ends it for good, both in onerror',
    claims: [33],
    undisturbed: true,
    run(run) {
      const reconnecting = run.callsLogging(RECONNECTING)
      const errors = run.callsHandling(['sse-error'])
      for (const call of reconnecting) {
        if (call.cause?.kind !== 'sse-error')
          return {
            pass: false,
            message: `The reconnecting notice was logged ${whenAndWhere(run, call)}, not in the EventSource's error handler. Log it in es.onerror, while es.readyState === EventSource.CONNECTING.`,
          }
        if (givingUp(run, call))
          return {
            pass: false,
            message: `The reconnecting notice at ${formatSeconds(call.t)} was logged when the EventSource had given up for good (the server answered ${(run.handled(call) as { status: number }).status}, so readyState was CLOSED). Log it only while es.readyState === EventSource.CONNECTING.`,
          }
        if (!reconnectedAfter(run, call.cause.conn))
          return {
            pass: false,
            message: `The reconnecting notice at ${formatSeconds(call.t)} was logged, but the EventSource did not reconnect after it: your code closed it. Let the browser reconnect: do not call es.close() on error.`,
          }
      }
      if (reconnecting.length === 0) {
        const near = errors.find((c) => !givingUp(run, c))
        if (near && reconnectedAfter(run, near.cause?.conn))
          return {
            pass: false,
            message: `While the EventSource was reconnecting, es.onerror logged a line at ${formatSeconds(near.t)} that is not the reconnecting notice the task asks for: ${differenceWords(RECONNECTING, lineOf(near))}.`,
          }
        if (near)
          return {
            pass: false,
            message: `When the stream broke, es.onerror logged a line at ${formatSeconds(near.t)} that is not the reconnecting notice (${differenceWords(RECONNECTING, lineOf(near))}), and the EventSource never reconnected after it: your code closed it. Let the browser reconnect, and log the notice while es.readyState === EventSource.CONNECTING.`,
          }
        const drop = run.record.trace.find((e) => e.kind === 'conn.close' && e.from !== 'client' && streams(run).some((r) => r.conn === e.conn))
        return {
          pass: false,
          message: `Nothing was logged in the error handler when the stream broke${drop ? ` (at ${formatSeconds(drop.arrives)})` : ''}. In es.onerror, log the reconnecting notice while es.readyState === EventSource.CONNECTING.`,
        }
      }
      const final = run.callsLogging(FULL_TIME)
      if (final.length === 0) {
        const near = errors.find((c) => givingUp(run, c))
        if (near)
          return {
            pass: false,
            message: `When the EventSource gave up for good, es.onerror logged a line at ${formatSeconds(near.t)} that is not the final line the task asks for: ${differenceWords(FULL_TIME, lineOf(near))}.`,
          }
        const end = run.responses().find((r) => r.status !== 200 && streams(run).some((s) => s.conn === r.conn))
        return {
          pass: false,
          message: `Nothing was logged when the EventSource gave up for good${end ? ` (the server answered ${end.status} at ${formatSeconds(end.arrives)})` : ''}. In es.onerror, log the final line when es.readyState === EventSource.CLOSED.`,
        }
      }
      if (final.length > 1)
        return {
          pass: false,
          message: `The final line was logged ${final.length} times; log it once, when es.readyState === EventSource.CLOSED (after the server's 204).`,
        }
      const last = final[0]!
      if (last.cause?.kind !== 'sse-error')
        return {
          pass: false,
          message: `The final line was logged ${whenAndWhere(run, last)}, not in the EventSource's error handler when it gave up. Log it in es.onerror, when es.readyState === EventSource.CLOSED.`,
        }
      if (!givingUp(run, last))
        return {
          pass: false,
          message: `The final line was logged at ${formatSeconds(last.t)} in es.onerror, but the EventSource was then reconnecting (readyState CONNECTING), not closed for good. Log it when es.readyState === EventSource.CLOSED.`,
        }
      if (run.calls().indexOf(last) !== run.calls().length - 1) return { pass: false, message: 'The final line must be the last thing you log.' }
      return { pass: true, message: `"${RECONNECTING}" ${reconnecting.length} time${reconnecting.length === 1 ? '' : 's'}, then "${FULL_TIME}".` }
    },
  },
])
