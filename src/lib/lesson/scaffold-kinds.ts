// The lessons `npm run lessons:new` starts from, one per kind: each passes `lessons:check -- --run` as
// it is (its starter fails a check, its solution passes every one), so an instructor edits a working
// lesson instead of debugging a blank one.

import { OWN_SERVER_TEMPLATE } from './scaffold-own-server.ts'

export const LESSON_KINDS = ['short-poll', 'long-poll', 'sse', 'websocket', 'server'] as const
export type LessonKind = (typeof LESSON_KINDS)[number]

export const KIND_NAMES: Record<LessonKind, string> = {
  'short-poll': 'short polling (fetch on a timer, the inbox server)',
  'long-poll': 'long polling (held requests, the inbox server)',
  sse: 'Server-Sent Events (EventSource, the live-score server)',
  websocket: 'WebSockets (the chat server)',
  server: "the lesson's own server (server.ts, GET /api/time, to rewrite)",
}

export interface KindTemplate {
  protocol: string
  /** the front matter's `scenario:` block, as YAML */
  scenario: string
  task: string
  starter: string
  solution: string
  checks: string
  /** more files of the lesson folder (an own server's server.ts) */
  files?: Record<string, string>
}

const INBOX_CHECK = (title: string) => `  {
    id: 'logs-every-message-once',
    title: ${JSON.stringify(title)},
    run(run) {
      const { missing, repeated } = run.compareLogged(EXPECTED)
      if (repeated.length > 0) return { pass: false, message: \`"\${repeated[0]}" was logged more than once: ask only for what is new, with since=<the last id you got>.\` }
      if (missing.length > 0)
        return {
          pass: false,
          message: \`\${missing.length} of \${EXPECTED.length} messages never reached your log (the first missing: "\${missing[0]}"). One answer holds only what was there at that moment: ask again.\`,
        }
      return { pass: true, message: \`All \${EXPECTED.length} messages logged once each.\` }
    },
  },`

const INBOX_SCENARIO = (extra: string, first: number, second: number) => `scenario:
  server:
    kind: inbox${extra}
    messages:
      - { atMs: ${first}, from: Ada, text: "Lunch at noon?" }
      - { atMs: ${second}, from: Grace, text: "The build is green." }
  durationMs: 4000`

const EXPECTED_INBOX = "const EXPECTED = ['Ada: Lunch at noon?', 'Grace: The build is green.']"

export const KIND_TEMPLATES: Record<LessonKind, KindTemplate> = {
  server: OWN_SERVER_TEMPLATE,
  'short-poll': {
    protocol: 'short-polling',
    scenario: INBOX_SCENARIO('', 600, 2100),
    task: 'Ask the inbox for new messages every second and log each message once, as "from: text".',
    starter: `// Ask for new messages again and again; log each one once, as "from: text".
async function poll() {
  const res = await fetch('/api/messages?since=0');
  const body = await res.json();
  console.log(body);
}
poll();
`,
    solution: `let last = 0;
async function poll() {
  const res = await fetch(\`/api/messages?since=\${last}\`);
  const body = await res.json();
  for (const m of body.messages) console.log(\`\${m.from}: \${m.text}\`);
  last = body.last;
}
setInterval(poll, 1000);
`,
    checks: `import { defineChecks } from 'wirelab/checks'

${EXPECTED_INBOX}

export default defineChecks([
${INBOX_CHECK('Log every message once, as "from: text"')}
  {
    id: 'asks-again',
    title: 'Ask again and again, about once a second',
    run(run) {
      const polls = run.requests().filter((r) => r.target.startsWith('/api/messages')).length
      if (polls < 3) return { pass: false, message: \`Your code asked \${polls} time\${polls === 1 ? '' : 's'}: poll on a timer, e.g. setInterval(poll, 1000).\` }
      return { pass: true, message: \`\${polls} polls, \${run.serverStat('empty')} of them answered with nothing new.\` }
    },
  },
])
`,
  },
  'long-poll': {
    protocol: 'long-polling',
    scenario: INBOX_SCENARIO('\n    holdTimeoutMs: 2000', 700, 1500),
    task: 'Wait for news with /api/messages/wait, again as soon as an answer comes, and log each message once, as "from: text".',
    starter: `// Let the server hold the request until there is news, then ask again at once.
let last = 0;
async function wait() {
  const res = await fetch(\`/api/messages/wait?since=\${last}\`);
  if (res.status === 200) {
    const body = await res.json();
    for (const m of body.messages) console.log(\`\${m.from}: \${m.text}\`);
    last = body.last;
  }
}
wait();
`,
    solution: `let last = 0;
async function wait() {
  const res = await fetch(\`/api/messages/wait?since=\${last}\`);
  if (res.status === 200) {
    const body = await res.json();
    for (const m of body.messages) console.log(\`\${m.from}: \${m.text}\`);
    last = body.last;
  }
  wait();
}
wait();
`,
    checks: `import { defineChecks } from 'wirelab/checks'

${EXPECTED_INBOX}

export default defineChecks([
${INBOX_CHECK('Log every message once, as "from: text", as soon as it arrives')}
  {
    id: 'lets-the-server-wait',
    title: 'Let the server hold the request (/api/messages/wait)',
    run(run) {
      const held = run.serverStat('held')
      if (held === 0) return { pass: false, message: 'No request was held: ask /api/messages/wait, which answers only when there is news.' }
      return { pass: true, message: \`The server held \${held} request\${held === 1 ? '' : 's'} until there was news.\` }
    },
  },
])
`,
  },
  sse: {
    protocol: 'sse',
    scenario: `scenario:
  server:
    kind: live-score
    intervalMs: 1000
  durationMs: 3500`,
    task: 'Log each score update the server sends.',
    starter: `// Open the stream and log each update.
const es = new EventSource('/api/stream');
`,
    solution: `const es = new EventSource('/api/stream');
es.onmessage = (e) => console.log(e.data);
`,
    checks: `import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'logs-updates',
    title: 'Log each score update',
    run(run) {
      const updates = run.sseEvents().filter((e) => e.dispatches).length
      const logged = run.callsHandling(['sse-event']).length
      if (updates === 0) return { pass: false, message: "No update arrived. Open the stream: new EventSource('/api/stream')." }
      if (logged < updates) return { pass: false, message: \`\${updates} updates arrived but \${logged} were logged when one arrived. Log e.data in es.onmessage.\` }
      return { pass: true, message: \`All \${updates} updates logged.\` }
    },
  },
])
`,
  },
  websocket: {
    protocol: 'websocket',
    scenario: `scenario:
  server:
    kind: chat
    script:
      - { atMs: 800, from: Ada, text: "Hello from Ada" }
      - { atMs: 1600, from: Grace, text: "Anyone there?" }
  durationMs: 3000`,
    task: 'Open a WebSocket to /chat, say hello once it is open, and log each chat message as "from: text".',
    starter: `// Open a WebSocket to /chat; say hello once it is open; log each message as "from: text".
const socket = new WebSocket('/chat');
`,
    solution: `const socket = new WebSocket('/chat');
socket.onopen = () => socket.send('hello');
socket.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(\`\${message.from}: \${message.text}\`);
};
`,
    checks: `import { defineChecks } from 'wirelab/checks'

const EXPECTED = ['Ada: Hello from Ada', 'Grace: Anyone there?']

export default defineChecks([
  {
    id: 'logs-chat-messages',
    title: 'Log each chat message as "from: text"',
    run(run) {
      const { missing } = run.compareLogged(EXPECTED)
      if (run.wsFrames({ from: 'server', opcode: 'text' }).length === 0) return { pass: false, message: "No message reached your code: open new WebSocket('/chat')." }
      if (missing.length > 0) return { pass: false, message: \`"\${missing[0]}" never reached your log: parse e.data with JSON.parse in onmessage and log from and text.\` }
      return { pass: true, message: 'Every chat message logged.' }
    },
  },
  {
    id: 'says-hello',
    title: 'Say something once the socket is open',
    run(run) {
      const sent = run.wsFrames({ from: 'client', opcode: 'text' }).length
      if (sent === 0) return { pass: false, message: 'Your code sent nothing: call socket.send in onopen (sending before the socket is open throws).' }
      return { pass: true, message: \`You sent \${sent} message\${sent === 1 ? '' : 's'}.\` }
    },
  },
])
`,
  },
}
