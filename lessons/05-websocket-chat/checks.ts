import {
  defineChecks,
  count,
  faultsWords,
  differenceWords,
  formatSeconds,
  isPlainObject,
  lineOf,
  sameText,
  upperFirst,
  whenAndWhere,
  type RunQuery,
} from 'wirelab/checks'

const GREETING = 'Hi all!'
/** Bob's second message in lesson.md's script, after which the code closes */
const LAST = { from: 'Bob', text: 'Noon, then.', atMs: 4000 }

/** the chat messages the server pushed to the client, as frames with their parsed from and text */
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
    id: 'upgraded',
    title: 'Open a WebSocket: the server answers 101 Switching Protocols',
    claims: [21, 22],
    undisturbed: true,
    run(run) {
      const sockets = new Set(
        run
          .requests()
          .filter((r) => r.api === 'WebSocket')
          .map((r) => r.conn),
      )
      const upgrade = run.responses().find((r) => r.status === 101 && sockets.has(r.conn))
      if (!upgrade) return { pass: false, message: "No 101 Switching Protocols in the trace. Open the connection with new WebSocket('/chat')." }
      return { pass: true, message: `Upgraded at ${formatSeconds(upgrade.t)}.` }
    },
  },
  {
    id: 'sends-when-open',
    title: 'Send "Hi all!" once the connection is open',
    claims: [15, 23],
    undisturbed: true,
    run(run) {
      if (run.errors.some((e) => e.includes('CONNECTING')))
        return { pass: false, message: 'send() threw "Still in CONNECTING state": wait for the open event (ws.onopen) before sending.' }
      const sent = run.wsFrames({ from: 'client', opcode: 'text' }).map((f) => f.text ?? '')
      if (sent.some((text) => sameText(text, GREETING)))
        return { pass: true, message: 'Sent the greeting as a masked text frame, once the connection was open.' }
      if (sent.length > 0)
        return {
          pass: false,
          message: `The server received ${JSON.stringify(sent[0])}, not the greeting the task asks for: ${differenceWords(GREETING, sent[0]!)}.`,
        }
      return { pass: false, message: 'The server never received your greeting: send it with ws.send once the socket is open (ws.onopen).' }
    },
  },
  {
    id: 'logs-chat',
    title: 'Log every chat message as "from: text", from the frame that brought it',
    claims: [15, 24],
    undisturbed: true,
    run(run) {
      const frames = chatFrames(run)
      if (frames.length === 0) return { pass: false, message: "No chat message reached your code: open a WebSocket to /chat (new WebSocket('/chat'))." }
      for (const { frame, from, line } of frames) {
        const label =
          from === frame.conn
            ? `Your own greeting, broadcast back to you at ${formatSeconds(frame.arrives)},`
            : `${from}'s message of ${formatSeconds(frame.arrives)}`
        const logged = run.callsLogging(line)
        const fromFrame = logged.filter((c) => c.cause?.kind === 'ws-event' && c.cause.event === frame.seq)
        if (logged.length > 1 && fromFrame.length > 0)
          return { pass: false, message: `${label} was logged ${logged.length} times: log each message once, when its frame arrives.` }
        if (fromFrame.length === 1) continue
        if (logged.length > 0)
          return {
            pass: false,
            message: `${label} was logged ${whenAndWhere(run, logged[0]!)}: it did not come from the frame that carried it. Log each message in ws.onmessage, from e.data.`,
          }
        const handling = run.calls().find((c) => c.cause?.kind === 'ws-event' && c.cause.event === frame.seq)
        if (!handling)
          return { pass: false, message: `${label} reached your code, but your code logged nothing for it. Log every message in ws.onmessage, as from: text.` }
        if (typeof handling.values[0] === 'string' && handling.values[0].trimStart().startsWith('{'))
          return {
            pass: false,
            message: `You logged the frame's data as it came, JSON text, at ${formatSeconds(handling.t)}: parse e.data with JSON.parse and log its from and text as one line.`,
          }
        if (handling.values.some(isPlainObject))
          return { pass: false, message: `${label} was logged as an object: log its from, a colon and a space, then its text, as one line.` }
        return { pass: false, message: `The line your code logged for ${label.toLowerCase()} is not "from: text": ${differenceWords(line, lineOf(handling))}.` }
      }
      return { pass: true, message: `Logged ${count(frames.length, 'chat message')}, yours included.` }
    },
  },
  {
    id: 'closes-cleanly',
    title: 'Close with code 1000 after "Noon, then."',
    run(run) {
      const close = run.wsFrames({ from: 'client', opcode: 'close' })[0]
      const faults = run.learnerFaults()
      if (!close && faults.length > 0)
        return {
          pass: false,
          disturbed: true,
          message: `${upperFirst(faultsWords(faults))}: the WebSocket was lost (1006, no close frame), so there was no open connection left to close cleanly. Run again without pressing a fault.`,
        }
      if (!close) return { pass: false, message: 'Your code never closed the connection: call ws.close(1000) after the last message.' }
      if (close.closeCode !== 1000) return { pass: false, message: `You closed with code ${close.closeCode ?? '(none)'}; use 1000 (normal closure).` }
      const last = chatFrames(run).find((f) => f.from === LAST.from && f.text === LAST.text)
      if (!last || close.t < last.frame.arrives)
        return {
          pass: false,
          message: `You closed at ${formatSeconds(close.t)}, before Bob's second message ${last ? `arrived (at ${formatSeconds(last.frame.arrives)})` : `could arrive (it is sent at ${formatSeconds(LAST.atMs)})`}: close in ws.onmessage, after that message.`,
        }
      if (close.t - last.frame.arrives > 1000)
        return {
          pass: false,
          message: `You closed ${((close.t - last.frame.arrives) / 1000).toFixed(1)} s after Bob's second message arrived: close in ws.onmessage, when that message comes.`,
        }
      const echoed = run.wsFrames({ from: 'server', opcode: 'close' }).length > 0
      return echoed
        ? { pass: true, message: 'Closed with 1000; the server answered with its close frame.' }
        : { pass: false, message: 'The closing handshake did not complete.' }
    },
  },
])
