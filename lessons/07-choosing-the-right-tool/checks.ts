import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'inbox-every-30s',
    title: 'The inbox is polled every 30 s, and its messages are logged',
    claims: [39],
    run(run) {
      const polls = run.requests().filter((r) => r.target.startsWith('/api/messages'))
      if (polls.length === 0) return { pass: false, message: 'No request to /api/messages: poll the inbox with fetch.' }
      const gaps = polls.slice(1).map((r, i) => r.t - polls[i]!.t)
      const shortest = Math.min(...gaps)
      if (polls.length > 4 || shortest < 25_000)
        return {
          pass: false,
          message: `The inbox was polled ${polls.length} times (as often as every ${(shortest / 1000).toFixed(1)} s). Every 30 s is plenty for mail, and costs the server far less.`,
        }
      const { missing } = run.compareLogged(["Ann: Minutes from today's meeting", 'Ben: Lunch on Friday?'])
      if (missing.length) return { pass: false, message: `"${missing[0]}" was not logged. Log each new message as \`\${from}: \${text}\`.` }
      return { pass: true, message: `${polls.length} polls in a minute, both messages logged.` }
    },
  },
  {
    id: 'score-over-sse',
    title: 'The score comes over Server-Sent Events, and each update is logged',
    claims: [34, 38],
    run(run) {
      const polled = run.requests().filter((r) => r.target === '/api/score').length
      if (polled > 0)
        return { pass: false, message: `The score was polled ${polled} times with fetch. The server can push it: new EventSource('/api/stream').` }
      const stream = run.requests().find((r) => r.api === 'EventSource' && r.target === '/api/stream')
      if (!stream) return { pass: false, message: "No EventSource on /api/stream: new EventSource('/api/stream')." }
      const updates = run.sseEvents().filter((e) => e.dispatches).length
      const logged = run.loggedLines().filter((l) => /^score \d+-\d+$/.test(l)).length
      if (logged < updates) return { pass: false, message: `${updates} score updates arrived but ${logged} were logged as "score home-away".` }
      const streams = run.requests().filter((r) => r.api === 'EventSource').length
      return {
        pass: true,
        message:
          streams > 1
            ? `${updates} updates pushed; after the drop the EventSource reconnected by itself (${streams} requests in all).`
            : `${updates} updates pushed over one open response.`,
      }
    },
  },
  {
    id: 'chat-over-websocket',
    title: 'The chat uses a WebSocket: says Hello!, logs every message, and reconnects after the drop',
    claims: [15, 36],
    run(run) {
      if (!run.responses().some((r) => r.status === 101)) return { pass: false, message: "No WebSocket: new WebSocket('/chat')." }
      if (!run.wsFrames({ from: 'client', opcode: 'text' }).some((f) => f.text === 'Hello!'))
        return { pass: false, message: 'The chat never received "Hello!": send it once the socket is open.' }
      const { missing } = run.compareLogged(["Cleo: Who's watching the match?", 'Cleo: What a goal!'])
      if (missing[0] === 'Cleo: What a goal!' && run.compareLogged(["Cleo: Who's watching the match?"]).missing.length === 0) {
        return {
          pass: false,
          message: '"Cleo: What a goal!" came after the drop at 20 s, and your chat was gone. In onclose, open a new WebSocket after a second.',
        }
      }
      if (missing.length) return { pass: false, message: `"${missing[0]}" was not logged. Parse e.data and log \`\${from}: \${text}\`.` }
      return { pass: true, message: 'Two-way chat, back after the drop.' }
    },
  },
])
