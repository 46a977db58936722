// The one definition of a lesson's front matter. The build, the validator, the app's types and the
// docs all come from this schema; unknown keys are errors (strict) and every field says what it is for.
import { z } from 'zod'
import { claimList, questionSchema } from './question-schema.ts'
import { cookiesSchema, crossSitePagesSchema } from './browser-schema.ts'

/** server instances a scenario may run */
const MAX_INSTANCES = 4

export const liveScoreServerSchema = z
  .strictObject({
    kind: z.literal('live-score').describe('A match ticker: GET /api/stream answers with an event stream of score updates.'),
    intervalMs: z.number().int().min(100).max(60_000).default(1000).describe('Simulated milliseconds between two score updates.'),
    home: z.string().min(1).max(40).default('Lions').describe('Name of the home team.'),
    away: z.string().min(1).max(40).default('Tigers').describe('Name of the away team.'),
    updates: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'How many updates the match lasts before the final whistle ends the streams (null: longer than any run). After it, /api/stream answers 204 No Content.',
      ),
    retryMs: z
      .number()
      .int()
      .min(0)
      .max(600_000)
      .nullable()
      .default(null)
      .describe(
        'Reconnection time the server asks for with a `retry:` line at the start of each stream (null: none; the browser then uses its own default, which the spec leaves to the implementation: about 3 s in Chromium, 5 s in Firefox; Wirelab waits 3 s).',
      ),
  })
  .describe('The live-score server.')

export const inboxServerSchema = z
  .strictObject({
    kind: z
      .literal('inbox')
      .describe(
        'An inbox: messages arrive on a schedule; GET /api/messages?since=<id> answers at once, GET /api/messages/wait?since=<id> holds the request (long polling).',
      ),
    messages: z
      .array(
        z.strictObject({
          atMs: z.number().int().min(0).describe('When the message arrives at the server, in simulated ms.'),
          from: z.string().min(1).max(40).describe('Who sent it.'),
          text: z.string().min(1).max(200).describe('What it says.'),
        }),
      )
      .min(1)
      .describe('The messages that arrive during a run, in any order.'),
    holdTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(5000)
      .describe('How long /api/messages/wait holds a request before answering 204 No Content.'),
  })
  .describe('The inbox server.')

export const chatServerSchema = z
  .strictObject({
    kind: z.literal('chat').describe('A chat server: a WebSocket endpoint at /chat that broadcasts every message to every connected client.'),
    script: z
      .array(
        z.strictObject({
          atMs: z.number().int().min(0).describe('When the message is sent, in simulated ms.'),
          from: z.string().min(1).max(40).describe('The simulated user who sends it.'),
          text: z.string().min(1).max(500).describe('What they say.'),
        }),
      )
      .default([])
      .describe('Messages simulated users post during a run.'),
    pingIntervalMs: z
      .number()
      .int()
      .min(100)
      .max(600_000)
      .nullable()
      .default(null)
      .describe('Heartbeat: the server pings each connection this often (the browser answers pong by itself); null for none.'),
  })
  .describe('The chat server.')

export const moduleServerSchema = z
  .strictObject({
    kind: z
      .literal('module')
      .describe(
        "The lesson's own server: a TypeScript file whose default export is `defineServer({ … })` from 'wirelab/server' (docs/authoring.md, \"Your own server\").",
      ),
    file: z
      .string()
      .regex(/^(?:\.\.\/)?[\w-]+(?:\/[\w-]+)*\.ts$/, 'a .ts file in the lesson folder, or ../<folder>/<name>.ts for one shared by the course')
      .default('server.ts')
      .describe('The file that defines the server, relative to the lesson folder; `../_servers/feed.ts` shares one file between lessons of the course.'),
    options: z
      .record(z.string(), z.json())
      .default({})
      .describe("Handed to the server's code as `server.options` (any JSON: the server decides what each option means)."),
    starter: z
      .string()
      .regex(/^(?!.*\.\.)[\w-][\w.-]*(?:\/[\w-][\w.-]*)*\.ts$/, 'a .ts file in the lesson folder')
      .optional()
      .describe(
        "The learner edits this server: a second editor tab (`server.ts`) starts from this file, and the learner's version runs instead of `file`, which is then the solution. At most one server of a lesson.",
      ),
  })
  .describe('A server written for the lesson.')

export const serverSchema = z
  .discriminatedUnion('kind', [liveScoreServerSchema, inboxServerSchema, chatServerSchema, moduleServerSchema])
  .describe('Which simulated server answers the learner, and how it behaves.')

export const serversSchema = z
  .union([
    serverSchema,
    z
      .array(serverSchema)
      .min(2)
      .max(3)
      .refine((list) => new Set(list.map((server) => server.kind)).size === list.length, 'Each kind of server may appear once: their endpoints would clash')
      .describe('Several servers in one process on one host (e.g. an inbox, a live score and a chat): each request goes to the one that offers its path.'),
  ])
  .describe('Which simulated server answers the learner, and how it behaves; a list combines several kinds on one host.')

export type ServerConfig = z.infer<typeof serverSchema>
export type ModuleServerConfig = z.infer<typeof moduleServerSchema>

export const scenarioSchema = z
  .strictObject({
    server: serversSchema,
    latencyMs: z.number().int().min(0).max(5000).default(50).describe('One-way network latency between client and server, in simulated milliseconds.'),
    jitterMs: z
      .number()
      .int()
      .min(0)
      .max(5000)
      .default(0)
      .describe("Up to this many simulated ms added at random (from the seed) to each message's latency; messages on one connection still arrive in order."),
    durationMs: z
      .number()
      .int()
      .min(500)
      .max(600_000)
      .default(5500)
      .describe('How long one run lasts, in simulated milliseconds; checks are evaluated when it ends.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1)
      .describe('Seed for every random choice in the simulation, so runs are reproducible.'),
    limits: z
      .strictObject({
        requestsPerSecond: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(50)
          .describe('More requests than this within one simulated second stop the run (a loop without a pause).'),
        openConnections: z.number().int().min(1).max(1000).default(20).describe('More connections open at once than this stop the run.'),
      })
      .default({ requestsPerSecond: 50, openConnections: 20 })
      .describe("Caps on the learner's traffic, so code that floods the network stops with a clear message."),
    serverDelayMs: z.number().int().min(0).max(60_000).default(0).describe('A slow server: simulated ms it spends on each request before answering.'),
    http: z
      .enum(['1.1', '2'])
      .default('1.1')
      .describe(
        "The HTTP version of fetch and EventSource requests. '1.1': the browser opens at most 6 connections to the server at once (Chromium's limit per origin, shared by every tab of the browser) and a request beyond that waits for a free one. '2': every request is a stream of one connection (RFC 9113), so none waits. WebSockets are not affected either way.",
      ),
    httpChoice: z
      .boolean()
      .default(false)
      .describe(
        'Show the learner a "Serve over HTTP/2" checkbox (starting as `http` says), applied at the next Run, to compare both versions with the same code.',
      ),
    proxyIdleTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(600_000)
      .nullable()
      .default(null)
      .describe(
        'A proxy in front of the server closes any connection that carries no data for this long: an unanswered request gets 504 Gateway Timeout, a stream is cut. null: no proxy.',
      ),
    faults: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({
            atMs: z.number().int().min(0).describe('When it happens, in simulated ms from the start of the run.'),
            kind: z.literal('drop-connections').describe('Every open connection is lost at once (a network path fails).'),
          }),
          z.strictObject({
            atMs: z.number().int().min(0).describe('When it happens, in simulated ms from the start of the run.'),
            kind: z.literal('restart-server').describe('A server instance restarts: its connections are lost and it forgets what it kept in memory.'),
            server: z.number().int().min(1).max(MAX_INSTANCES).default(1).describe('Which instance restarts (1 is "Server 1"); at most `instances`.'),
            downMs: z
              .number()
              .int()
              .min(0)
              .max(600_000)
              .default(0)
              .describe(
                'How long the instance stays down before it starts again, fresh, in simulated ms: meanwhile new connections to it are refused (fetch rejects, a WebSocket gets error then close 1006, an EventSource tries again later).',
              ),
          }),
          z.strictObject({
            atMs: z.number().int().min(0).describe('When the network goes down, in simulated ms from the start of the run.'),
            kind: z.literal('offline').describe('The network goes down: open connections are lost and new ones fail until it is back.'),
            durationMs: z.number().int().min(1).max(600_000).describe('How long the network stays down, in simulated ms.'),
          }),
          z.strictObject({
            atMs: z.number().int().min(0).describe('When the path goes silent, in simulated ms from the start of the run.'),
            kind: z
              .literal('silent')
              .describe(
                'The path goes silent (for heartbeat lessons): nothing sent on the connection arrives, in either direction, and nothing is closed; each end has to notice by itself (a heartbeat, a timeout). What is already on its way still arrives.',
              ),
            conn: z
              .string()
              .regex(/^(c|[A-D])\d+(\.\d+)?$/, 'a connection name such as c1, c2.2 or B1')
              .optional()
              .describe('Only this connection (c1, c2 … as in the trace; A1, B1 … with several clients). Without it, every connection open at that moment.'),
            durationMs: z
              .number()
              .int()
              .min(1)
              .max(600_000)
              .optional()
              .describe(
                'How long the path stays silent, in simulated ms; then TCP delivers what was sent meanwhile, in order. Without it, the path stays silent until an end closes the connection.',
              ),
          }),
        ]),
      )
      .default([])
      .describe('Things that go wrong on a schedule during each run.'),
    clients: z
      .array(
        z.strictObject({
          name: z
            .string()
            .regex(/^[A-Za-z][\w ]{0,19}$/)
            .describe("Shown on the client's lifeline and console lines; the code reads it as client.name."),
          browser: z
            .string()
            .regex(/^[A-Za-z][\w ]{0,19}$/)
            .optional()
            .describe(
              'Which browser this client is a tab of. Tabs of one browser share its connections: with HTTP/1.1 at most 6 to the server at once (Chromium), and a request beyond that waits. Clients without it are all tabs of one browser.',
            ),
        }),
      )
      .min(1)
      .max(4)
      .default([{ name: 'You' }])
      .describe(
        "The learner clients that run at once, each a fresh worker running the learner's code (which can tell them apart by client.name). Their connections are named A1, B1 … when there are several.",
      ),
    instances: z
      .number()
      .int()
      .min(1)
      .max(MAX_INSTANCES)
      .default(1)
      .describe('How many instances of the server run behind a load balancer; each keeps its own state (1: no load balancer).'),
    balancer: z
      .enum(['round-robin', 'sticky'])
      .default('round-robin')
      .describe(
        'How the load balancer spreads connections over the instances: round-robin gives each new connection the next instance in turn; sticky keeps each client on the instance its first connection reached.',
      ),
    broker: z
      .strictObject({
        latencyMs: z.number().int().min(0).max(1000).default(1).describe('One-way simulated ms between an instance and the broker.'),
      })
      .nullable()
      .default(null)
      .describe(
        'A pub/sub broker between the instances, modelled on Redis PUBLISH/SUBSCRIBE (null: none). Instances publish what must reach every client; nothing is stored for absent subscribers.',
      ),
    cookies: cookiesSchema,
    crossSitePages: crossSitePagesSchema,
  })
  .superRefine((scenario, ctx) => {
    scenario.faults.forEach((fault, i) => {
      // checks run when the run ends: a fault at or after that moment never happens
      if (fault.atMs >= scenario.durationMs)
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'atMs'],
          message: `The run ends at ${scenario.durationMs} ms (durationMs), so a fault at ${fault.atMs} ms is never seen: schedule it earlier, or make the run longer`,
        })
      if (fault.kind === 'restart-server' && fault.server > scenario.instances) {
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'server'],
          message: `There is no Server ${fault.server}: this scenario runs ${scenario.instances} instance${scenario.instances === 1 ? '' : 's'}`,
        })
      }
    })
    const names = scenario.clients.map((c) => c.name)
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) ctx.addIssue({ code: 'custom', path: ['clients', i, 'name'], message: `Two clients are called "${name}"` })
    })
  })
  .describe('What runs when the learner presses Run.')

export const protocolSchema = z
  .enum(['short-polling', 'long-polling', 'sse', 'websocket'])
  .describe('The protocol the lesson teaches; sets its colour and glyph.')

export const lessonFrontMatterSchema = z
  .strictObject({
    title: z.string().min(1).max(120).describe('Title shown on the home page and above the lesson.'),
    summary: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[^`*]*$/, 'plain text: the lesson list shows no Markdown (no backticks or asterisks)')
      .describe('One or two sentences for the lesson list, in plain text.'),
    order: z.number().int().min(1).describe('Position in the lesson list (1 comes first); unique across lessons.'),
    protocol: protocolSchema,
    starter: z
      .string()
      .regex(/^[\w.-]+\.(js|ts)$/)
      .default('starter.js')
      .describe('File in the lesson folder holding the code the learner starts from.'),
    solution: z
      .string()
      .regex(/^[\w.-]+\.(js|ts)$/)
      .default('solution.js')
      .describe('File in the lesson folder holding a solution that passes every check.'),
    panes: z
      .array(z.enum(['diagram', 'timeline', 'console', 'output', 'events', 'inspector']))
      .min(1)
      .default(['diagram', 'timeline', 'console', 'output', 'events', 'inspector'])
      .describe(
        'Which panes the lesson page shows, e.g. leave out `output` in a lesson that never uses the ui helper. The console is where errors appear: keep it unless you have a reason.',
      ),
    part: z
      .string()
      .min(1)
      .max(80)
      .nullable()
      .default(null)
      .describe(
        "Title of the part (from lessons/_parts.yml) this lesson belongs to: the home page groups lessons by part, and the lesson inherits the part's `defaults`. null: no part.",
      ),
    types: z
      .string()
      .regex(/^[\w.-]+\.d\.ts$/)
      .nullable()
      .default(null)
      .describe(
        "File in the lesson folder with TypeScript declarations of the lesson's messages (e.g. `interface ChatMessage { … }`): the editor's completion, hover and diagnostics know them. null: none.",
      ),
    scenario: scenarioSchema,
    teaches: claimList(
      'The claims of lessons/_claims.yml this lesson teaches (its text explains them); docs/curriculum.md maps every claim to a lesson and to what proves it.',
    ),
    questions: z
      .array(questionSchema)
      .default([])
      .superRefine((questions, ctx) => {
        const ids = questions.map((q) => q.id)
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `two questions have the id "${id}"` })
        })
      })
      .describe(
        'Questions shown after the lesson text, for what code cannot show (e.g. which tool fits a multiplayer game). Each is graded on the page, and counts with the checks for completing the lesson.',
      ),
  })
  .describe('Front matter of lessons/<NN-slug>/lesson.md.')

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>

export const courseSchema = z
  .strictObject({
    parts: z
      .array(
        z.strictObject({
          title: z.string().min(1).max(80).describe("The part's title, shown above its lessons; lessons name it in their `part` field."),
          summary: z.string().max(300).default('').describe('A sentence under the title on the home page.'),
          defaults: z
            .record(z.string(), z.unknown())
            .default({})
            .describe(
              "Front matter every lesson of the part starts from (e.g. `protocol`, or `scenario:` settings such as `latencyMs`); a lesson's own fields win, objects merge field by field.",
            ),
        }),
      )
      .min(1)
      .describe('The parts of the course, in the order the home page shows them.'),
  })
  .describe("lessons/_parts.yml: the course's parts (sections) and the settings their lessons inherit.")

export type Course = z.infer<typeof courseSchema>
export type Scenario = z.infer<typeof scenarioSchema>
export type Protocol = z.infer<typeof protocolSchema>
export { claimsSchema, labSchema, type Claims, type Lab, type Question } from './question-schema.ts'
