import {
  defineChecks,
  differenceWords,
  formatSeconds,
  inboxPolls,
  intervalProblem,
  isPlainObject,
  messagesProblem,
  sameText,
  sinceProblem,
  whenAndWhere,
  type ExpectedMessage,
  type RunQuery,
} from 'wirelab/checks'

// lesson.md's scenario: the inbox, the chat script and the drop every connection suffers
const MAIL: ExpectedMessage[] = [
  { id: 1, atMs: 12_000, from: 'Ann', text: "Minutes from today's meeting" },
  { id: 2, atMs: 41_000, from: 'Ben', text: 'Lunch on Friday?' },
]
const DROP_MS = 20_000
/** Cleo's message after the drop */
const LATE = { from: 'Cleo', atMs: 33_000 }
const HELLO = 'Hello!'
const SCORE_LINE = /^score (\d+)-(\d+)$/

/** the chat messages the server pushed, as frames with their parsed from and text */
function chatFrames(run: RunQuery) {
  return run.wsFrames({ from: 'server', opcode: 'text' }).flatMap((frame) => {
    const message = run.json(frame)
    return isPlainObject(message) && typeof message.from === 'string' && typeof message.text === 'string' && frame.arrives <= run.end.at
      ? [{ frame, from: message.from, text: message.text, line: `${message.from}: ${message.text}` }]
      : []
  })
}

export default defineChecks([
  {
    id: 'inbox-every-30s',
    title: 'The inbox is polled every 30 s, and its messages are logged',
    claims: [39],
    undisturbed: true,
    run(run) {
      const polls = inboxPolls(run, ['/api/messages'])
      if (polls.length === 0 && run.requestsTo('/api/messages/wait').length > 0)
        return {
          pass: false,
          message:
            'The inbox was long-polled (/api/messages/wait): a request held open for mail nobody needs at once. Real time is not critical here: poll /api/messages every 30 s.',
        }
      if (polls.length === 0) return { pass: false, message: 'No request to /api/messages: poll the inbox with fetch.' }
      const gaps = polls.slice(1).map((p, i) => p.request.t - polls[i]!.request.t)
      const shortest = Math.min(...gaps)
      if (polls.length > 4 || shortest < 25_000)
        return {
          pass: false,
          message: `The inbox was polled ${polls.length} times (as often as every ${(shortest / 1000).toFixed(1)} s). Every 30 s is plenty for mail, and costs the server far less.`,
        }
      if (polls[0]!.request.t > 1000)
        return {
          pass: false,
          message: `The first poll went out at ${formatSeconds(polls[0]!.request.t)}: check the inbox once at the start too, then every 30 s.`,
        }
      const interval = intervalProblem(polls, { minMs: 25_000, maxMs: 35_000, every: 'every 30 s', until: run.end.at })
      if (interval) return { pass: false, message: interval }
      if (polls.length < 3)
        return { pass: false, message: `Only ${polls.length} polls in a minute: check once at the start, then again every 30 s (setInterval).` }
      const mail = messagesProblem(run, MAIL, polls)
      if (mail) return { pass: false, message: mail }
      const since = sinceProblem(polls)
      if (since) return { pass: false, message: since }
      return { pass: true, message: `${polls.length} polls in a minute, both messages logged.` }
    },
  },
  {
    id: 'score-over-sse',
    title: 'The score comes over Server-Sent Events, and each update is logged',
    claims: [34, 38],
    undisturbed: true,
    run(run) {
      const polled = run.requestsTo('/api/score').length
      if (polled > 0)
        return { pass: false, message: `The score was polled ${polled} times with fetch. The server can push it: new EventSource('/api/stream').` }
      const streams = run.requestsTo('/api/stream', 'EventSource')
      if (streams.length === 0) return { pass: false, message: "No EventSource on /api/stream: new EventSource('/api/stream')." }
      const conns = new Set(streams.map((r) => r.conn))
      const updates = run.sseEvents().filter((e) => e.dispatches && conns.has(e.conn) && e.arrives <= run.end.at)
      for (const update of updates) {
        const score = run.json(update) as { home?: unknown; away?: unknown } | undefined
        const logged = run
          .callsHandling(['sse-event'])
          .filter((c) => c.cause?.event === update.seq && typeof c.values[0] === 'string' && SCORE_LINE.test(c.values.join(' ')))
        const right = logged.filter((c) => {
          const [, home, away] = SCORE_LINE.exec(c.values.join(' '))!
          return Number(home) === score?.home && Number(away) === score?.away
        })
        if (right.length === 1) continue
        const when = `The update of ${formatSeconds(update.arrives)} (event ${update.fields.id ?? '?'} of ${update.conn})`
        if (right.length > 1) return { pass: false, message: `${when} was logged ${right.length} times: log each update once, in onmessage.` }
        if (logged.length > 0) return { pass: false, message: `${when} was logged with a score it did not carry: take home and away from JSON.parse(e.data).` }
        const written = run.calls().find((c) => c.cause?.kind !== 'sse-event' && SCORE_LINE.test(c.values.join(' ')))
        if (written)
          return {
            pass: false,
            message: `A score line was logged ${whenAndWhere(run, written)}, not in onmessage while handling an event of the stream. Log each update from the event that brings it.`,
          }
        return { pass: false, message: `${when} reached your code, but no "score home-away" line was logged for it. Log each update in onmessage.` }
      }
      const after = updates.filter((e) => e.arrives > DROP_MS)
      if (after.length === 0) {
        const closed = run.record.trace.find((e) => e.kind === 'conn.close' && e.from === 'client' && conns.has(e.conn) && e.t < run.end.at)
        return {
          pass: false,
          message: `No score update reached your code after the drop at ${formatSeconds(DROP_MS)}${closed ? `: your code closed the EventSource at ${formatSeconds(closed.t)}` : ''}. Let the browser reconnect the EventSource by itself: do not close it on error.`,
        }
      }
      const reconnected = streams.some((r) => /\.\d+$/.test(r.conn))
      return {
        pass: true,
        message: reconnected
          ? `${updates.length} updates pushed; after the drop the EventSource reconnected by itself (${streams.length} requests in all).`
          : `${updates.length} updates pushed over one open response.`,
      }
    },
  },
  {
    id: 'chat-over-websocket',
    title: 'The chat uses a WebSocket: says Hello!, logs every message, and reconnects after the drop',
    claims: [15, 36],
    undisturbed: true,
    run(run) {
      const sockets = run.requests().filter((r) => r.api === 'WebSocket' && r.target.startsWith('/chat'))
      const upgraded = run.responses().filter((r) => r.status === 101 && sockets.some((s) => s.conn === r.conn))
      if (upgraded.length === 0) return { pass: false, message: "No WebSocket: new WebSocket('/chat')." }
      const sent = run.wsFrames({ from: 'client', opcode: 'text' }).map((f) => f.text ?? '')
      if (!sent.some((text) => sameText(text, HELLO)))
        return {
          pass: false,
          message: sent.length
            ? `The chat received ${JSON.stringify(sent[0])}, not the greeting the task asks for: ${differenceWords(HELLO, sent[0]!)}.`
            : 'The chat never received your greeting: send it once the socket is open (onopen).',
        }
      if (!sockets.some((s) => s.t > DROP_MS))
        return {
          pass: false,
          message: `Your chat was gone after the drop at ${formatSeconds(DROP_MS)}: a WebSocket does not come back by itself, so Cleo's second message could not reach you. In onclose, open a new WebSocket after a short wait.`,
        }
      const late = chatFrames(run).some((f) => f.from === LATE.from && f.frame.t >= LATE.atMs)
      if (!late) {
        const back = sockets.find((s) => s.t > DROP_MS)!
        return {
          pass: false,
          message: `Your chat came back at ${formatSeconds(back.t)}, after Cleo's message of ${formatSeconds(LATE.atMs)} had gone to nobody. Open the new WebSocket a short wait after the old one closes (onclose): a second at most.`,
        }
      }
      for (const { frame, from, line } of chatFrames(run)) {
        const label =
          from === frame.conn ? `Your own greeting, broadcast back at ${formatSeconds(frame.arrives)},` : `${from}'s message of ${formatSeconds(frame.arrives)}`
        const logged = run.callsLogging(line)
        const fromFrame = logged.filter((c) => c.cause?.kind === 'ws-event' && c.cause.event === frame.seq)
        if (fromFrame.length === 1 && logged.length === 1) continue
        if (logged.length > 1) return { pass: false, message: `${label} was logged ${logged.length} times: log each message once, when its frame arrives.` }
        if (logged.length === 1)
          return {
            pass: false,
            message: `${label} was logged ${whenAndWhere(run, logged[0]!)}: it did not come from the frame that carried it. Log each message in onmessage, from e.data.`,
          }
        return { pass: false, message: `${label} reached your code, but no from: text line was logged for it. Parse e.data and log each message in onmessage.` }
      }
      return { pass: true, message: 'Two-way chat, back after the drop.' }
    },
  },
])
