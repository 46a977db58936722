// The lesson `npm run lessons:new -- "Title" server` starts from: a server.ts of its own (docs/authoring.md,
// "Your own server") that the instructor rewrites, with a starter, a solution and a check that pass --run.
import type { KindTemplate } from './scaffold-kinds.ts'

/** a lesson with its own server (`kind: module`): server.ts answers GET /api/time */
export const OWN_SERVER_TEMPLATE: KindTemplate = {
  protocol: 'short-polling',
  scenario: `scenario:
  server:
    kind: module
    file: server.ts
  durationMs: 3000`,
  task: 'Ask the server what time it is (GET /api/time) and log the time it answers. Then change server.ts: it is your server.',
  starter: `// Ask the server what time it is, and log the time it answers.
fetch('/api/time');
`,
  solution: `fetch('/api/time')
  .then((res) => res.json())
  .then((body) => console.log(body.now));
`,
  checks: `import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'logs-the-time',
    title: "Log the time the server answers",
    run(run) {
      if (run.requests().length === 0) return { pass: false, message: "No request reached the server: fetch('/api/time')." }
      const fromAnswers = run.callsHandling(['fetch']).filter((call) => run.loggedFromHandled(call))
      if (fromAnswers.length === 0) return { pass: false, message: 'The answer arrived, but nothing from it was logged: read it with res.json() and log its now field.' }
      return { pass: true, message: \`You logged \${fromAnswers[0]!.values.join(' ')}, from the server's answer.\` }
    },
  },
])
`,
  files: {
    'server.ts': `import { defineServer } from 'wirelab/server'

// This lesson's own server, on the simulated clock: routes, streams, sockets (docs/authoring.md).
export default defineServer({
  endpoints: ['GET /api/time'],
  setup(server) {
    const served = server.counter('served', ['request served', 'requests served'])
    server.get('/api/time', (_request, response) => {
      served.add()
      response.json({ now: server.now() })
    })
  },
})
`,
  },
}
