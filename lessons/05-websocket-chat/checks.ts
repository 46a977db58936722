import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'upgraded',
    title: 'Open a WebSocket: the server answers 101 Switching Protocols',
    claims: [21, 22],
    run(run) {
      const upgrade = run.responses().find((r) => r.status === 101)
      if (!upgrade) return { pass: false, message: "No 101 Switching Protocols in the trace. Open the connection with new WebSocket('/chat')." }
      return { pass: true, message: `Upgraded at ${(upgrade.t / 1000).toFixed(3)} s.` }
    },
  },
  {
    id: 'sends-when-open',
    title: 'Send "Hi all!" once the connection is open',
    claims: [15, 23],
    run(run) {
      if (run.errors.some((e) => e.includes('CONNECTING')))
        return { pass: false, message: 'send() threw "Still in CONNECTING state": wait for the open event (ws.onopen) before sending.' }
      const sent = run.wsFrames({ from: 'client', opcode: 'text' }).map((f) => f.text)
      if (!sent.includes('Hi all!'))
        return { pass: false, message: `The server never received "Hi all!"${sent.length ? ` (it got ${JSON.stringify(sent)})` : ''}.` }
      return { pass: true, message: 'Sent "Hi all!" as a masked text frame.' }
    },
  },
  {
    id: 'logs-chat',
    title: 'Log every chat message as "from: text"',
    claims: [15, 24],
    run(run) {
      const lines = run.loggedLines()
      const expected = ['Bob: Anyone up for lunch?', 'Bob: Noon, then.']
      const { missing } = run.compareLogged(expected)
      if (missing.length) return { pass: false, message: `"${missing[0]}" was not logged. Parse e.data with JSON.parse and log \`\${from}: \${text}\`.` }
      const own = lines.filter((l) => l.endsWith(': Hi all!'))
      if (own.length !== 1) return { pass: false, message: 'The server broadcasts your own "Hi all!" back to you too: log it like the others.' }
      return { pass: true, message: `Logged ${expected.length + 1} chat messages, yours included.` }
    },
  },
  {
    id: 'closes-cleanly',
    title: 'Close with code 1000 after "Noon, then."',
    run(run) {
      const close = run.wsFrames({ from: 'client', opcode: 'close' })[0]
      if (!close) return { pass: false, message: 'Your code never closed the connection: call ws.close(1000) after the last message.' }
      if (close.closeCode !== 1000) return { pass: false, message: `You closed with code ${close.closeCode ?? '(none)'}; use 1000 (normal closure).` }
      const echoed = run.wsFrames({ from: 'server', opcode: 'close' }).length > 0
      return echoed
        ? { pass: true, message: 'Closed with 1000; the server answered with its close frame.' }
        : { pass: false, message: 'The closing handshake did not complete.' }
    },
  },
])
