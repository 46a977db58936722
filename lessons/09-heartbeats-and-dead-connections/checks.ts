import { defineChecks, formatSeconds, isPlainObject, lineOf, sameText, whenAndWhere, type RunQuery } from 'wirelab/checks'

// lesson.md's scenario: the proxy's idle timeout, the alerts and jobs, the silent chat and the offline spell
const PROXY_IDLE_MS = 5000
const ALERT_COUNT = 3
const JOB_COUNT = 3
const SILENT_MS = 7000
const SILENT_CONN = 'c1'
const OFFLINE_MS = 15_000
const OFFLINE_END_MS = 16_000
/** a heartbeat must notice the silence within this long (a ping every 2 s, a pong within 2 s, and some slack) */
const NOTICE_WITHIN_MS = 5000

type Frame = ReturnType<RunQuery['wsFrames']>[number]

const typeOf = (run: RunQuery, frame: Frame): unknown => {
  const message = run.json(frame)
  return isPlainObject(message) ? message.type : undefined
}
const pings = (run: RunQuery) => run.wsFrames({ from: 'client', opcode: 'text' }).filter((f) => typeOf(run, f) === 'ping')
const pongs = (run: RunQuery) => run.wsFrames({ from: 'server', opcode: 'text' }).filter((f) => typeOf(run, f) === 'pong' && !f.lost)
const handshakes = (run: RunQuery) => run.requests().filter((r) => r.api === 'WebSocket' && r.target.startsWith('/chat'))

/** the lines logged while handling this event */
const linesFrom = (run: RunQuery, seq: number) => run.callsHandling(['sse-event', 'fetch', 'ws-event']).filter((c) => c.cause?.event === seq)

export default defineChecks([
  {
    id: 'alerts-kept-alive',
    title: 'The alert stream is never cut by the proxy, and every alert is logged',
    claims: [45, 46],
    undisturbed: true,
    run(run) {
      const streams = run.requestsTo('/api/alerts', 'EventSource')
      if (streams.length === 0) return { pass: false, message: "No EventSource on /api/alerts: new EventSource('/api/alerts')." }
      const conns = new Set(streams.map((r) => r.conn))
      const cut = run.record.trace.find((e) => e.kind === 'conn.close' && conns.has(e.conn) && /proxy/i.test(e.reason))
      if (cut)
        return {
          pass: false,
          message: `The proxy cut your alert stream at ${formatSeconds(cut.t)}: it had carried nothing for ${formatSeconds(PROXY_IDLE_MS)}. Alerts are rare; ask the server for a comment more often than that (?keepalive=…), so the stream is never idle.`,
        }
      const alerts = run.sseEvents().filter((e) => conns.has(e.conn) && e.dispatches && e.arrives <= run.end.at)
      for (const alert of alerts) {
        const text = (run.json(alert) as { text?: unknown } | undefined)?.text
        const logged = linesFrom(run, alert.seq).filter((c) => sameText(lineOf(c), `alert: ${String(text)}`))
        if (logged.length !== 1)
          return {
            pass: false,
            message: `The alert of ${formatSeconds(alert.arrives)} was logged ${logged.length} times from its event: log each as alert: <text>, once, in onmessage.`,
          }
      }
      if (alerts.length < ALERT_COUNT)
        return {
          pass: false,
          message: `Only ${alerts.length} of the ${ALERT_COUNT} alerts reached your code: an alert sent while the stream was away is lost (this server keeps no history). Keep the stream open the whole run.`,
        }
      const comments = run.sseEvents().filter((e) => conns.has(e.conn) && !e.dispatches && e.fields.comment !== undefined).length
      return { pass: true, message: `One stream, never cut: ${comments} keep-alive comments between ${alerts.length} alerts.` }
    },
  },
  {
    id: 'long-poll-under-proxy-timeout',
    title: 'Each long poll is answered by the server before the proxy gives up (no 504), and every job is logged',
    claims: [47],
    undisturbed: true,
    run(run) {
      const polls = run.requestsTo('/api/jobs/wait', 'fetch')
      if (polls.length === 0) return { pass: false, message: 'No request to /api/jobs/wait: long poll it with fetch.' }
      const timeouts = run.responses().filter((r) => r.status === 504 && r.from === 'network' && polls.some((p) => p.conn === r.conn))
      if (timeouts.length > 0)
        return {
          pass: false,
          message: `${timeouts.length} of your long polls got 504 Gateway Timeout from the proxy (first at ${formatSeconds(timeouts[0]!.t)}): the server was holding them longer than the proxy waits for an answer (${formatSeconds(PROXY_IDLE_MS)}). Ask for a shorter hold (?hold=…).`,
        }
      const jobs = new Map<number, number>()
      for (const call of run.callsHandling(['fetch'])) {
        const body = run.json(run.handled(call))
        if (!isPlainObject(body) || !Array.isArray(body.jobs)) continue
        for (const job of body.jobs as Array<{ id: number; name: string; status: string }>)
          if (sameText(lineOf(call), `job: ${job.name} ${job.status}`)) jobs.set(job.id, (jobs.get(job.id) ?? 0) + 1)
      }
      const twice = [...jobs.entries()].find(([, n]) => n > 1)
      if (twice) return { pass: false, message: `Job ${twice[0]} was logged ${twice[1]} times: send since=<the last id you have> with each poll.` }
      if (jobs.size < JOB_COUNT) {
        const written = run.calls().find((c) => /^job: /.test(lineOf(c)) && c.cause?.kind !== 'fetch')
        if (written) return { pass: false, message: `A job line was logged ${whenAndWhere(run, written)}, not from the answer that carried the job.` }
        return {
          pass: false,
          message: `Only ${jobs.size} of the ${JOB_COUNT} jobs were logged as job: <name> <status>, from the answer that carried them. Poll again after every answer, and after a failed fetch.`,
        }
      }
      const longest = Math.max(...polls.map((p) => (run.answerTo(p)?.t ?? p.t) - p.t))
      return {
        pass: true,
        message: `${polls.length} polls, none cut by the proxy (the longest held ${formatSeconds(longest)}), all ${JOB_COUNT} jobs logged once.`,
      }
    },
  },
  {
    id: 'heartbeat-notices-silence',
    title: 'A heartbeat notices the silent chat: no pong in time, so the code closes it and opens a new one',
    claims: [48],
    undisturbed: true,
    run(run) {
      const sockets = handshakes(run)
      if (sockets.length === 0) return { pass: false, message: "No WebSocket: new WebSocket('/chat')." }
      if (sockets[0]!.conn !== SILENT_CONN)
        return {
          pass: false,
          message: `The path of ${SILENT_CONN} goes silent at ${formatSeconds(SILENT_MS)}, but your chat is ${sockets[0]!.conn}: open the WebSocket before anything else, as the starter does.`,
        }
      const sent = pings(run)
      if (sent.length === 0)
        return {
          pass: false,
          message: `From ${formatSeconds(SILENT_MS)} nothing crossed your chat's connection, and nothing told your code: no error, no close. Only a heartbeat notices: send {"type":"ping"} every few seconds and expect a pong.`,
        }
      if (pongs(run).filter((p) => p.conn === SILENT_CONN && p.t < SILENT_MS).length === 0)
        return {
          pass: false,
          message: `Your pings got no pong before the silence: send them as text, JSON.stringify({ type: 'ping' }), once the socket is open.`,
        }
      const early = sockets.find((s) => s.t > sockets[0]!.t && s.t < SILENT_MS)
      if (early)
        return {
          pass: false,
          message: `Your code opened a new WebSocket at ${formatSeconds(early.t)}, while the old one was answering every ping: reconnect only when a pong does not come.`,
        }
      const next = sockets.find((s) => s.t >= SILENT_MS)
      if (!next || next.t >= OFFLINE_MS)
        return {
          pass: false,
          message: `Your chat went silent at ${formatSeconds(SILENT_MS)} and your code ${next ? `only reconnected at ${formatSeconds(next.t)}, after the network went offline: that failure was loud, the silence was not` : 'never reconnected'}. When a pong does not come in time, close the socket and open a new one at once: its close event would only come after the browser gives up on it (60 s).`,
        }
      const unanswered = sent.filter((p) => p.conn === SILENT_CONN && p.t >= SILENT_MS && p.t < next.t)
      if (unanswered.length === 0)
        return {
          pass: false,
          message: `Your code opened a new WebSocket at ${formatSeconds(next.t)} without a ping going unanswered first: a blind timer, not a heartbeat. Reconnect when a ping gets no pong in time.`,
        }
      if (next.t - unanswered[0]!.t < 500)
        return {
          pass: false,
          message: `Your code reconnected ${formatSeconds(next.t - unanswered[0]!.t)} after its ping at ${formatSeconds(unanswered[0]!.t)}: too soon for a pong to come back even on a healthy connection. Give the pong a second or two.`,
        }
      if (next.t - SILENT_MS > NOTICE_WITHIN_MS)
        return {
          pass: false,
          message: `Your heartbeat noticed the silence at ${formatSeconds(next.t)}, ${formatSeconds(next.t - SILENT_MS)} after it began: ping more often, or wait less for the pong, to notice within ${formatSeconds(NOTICE_WITHIN_MS)}.`,
        }
      return {
        pass: true,
        message: `Silent from ${formatSeconds(SILENT_MS)}; the ping at ${formatSeconds(unanswered[0]!.t)} got no pong, and a new chat was open at ${formatSeconds(next.t)}.`,
      }
    },
  },
  {
    id: 'chat-lines-logged',
    title: 'Every chat line that reaches your code is logged once, before and after the silence and the offline spell',
    claims: [15],
    undisturbed: true,
    run(run) {
      const lines = run.wsFrames({ from: 'server', opcode: 'text' }).filter((f) => typeOf(run, f) === 'chat' && !f.lost && f.arrives <= run.end.at)
      if (lines.length === 0) return { pass: false, message: "No chat line reached your code: open new WebSocket('/chat')." }
      for (const frame of lines) {
        const message = run.json(frame) as { from?: unknown; text?: unknown }
        const line = `${String(message.from)}: ${String(message.text)}`
        const logged = run.callsLogging(line)
        const fromFrame = logged.filter((c) => c.cause?.kind === 'ws-event' && c.cause.event === frame.seq)
        if (fromFrame.length === 1 && logged.length === 1) continue
        if (logged.length === 0)
          return { pass: false, message: `The chat line of ${formatSeconds(frame.arrives)} reached your code, but was not logged as from: text.` }
        if (fromFrame.length === 0)
          return { pass: false, message: `The chat line of ${formatSeconds(frame.arrives)} was logged ${whenAndWhere(run, logged[0]!)}, not from its frame.` }
        return { pass: false, message: `The chat line of ${formatSeconds(frame.arrives)} was logged ${logged.length} times: log each once.` }
      }
      if (!lines.some((f) => f.arrives > OFFLINE_END_MS))
        return {
          pass: false,
          message: `No chat line reached your code after the network came back at ${formatSeconds(OFFLINE_END_MS)}: when the socket closes (offline closes it at once, code 1006), open a new one after a pause.`,
        }
      return { pass: true, message: `${lines.length} chat lines, each logged once, the last at ${formatSeconds(lines.at(-1)!.arrives)}.` }
    },
  },
])
