// The one definition of a lesson's front matter. The build, the validator, the app's types and the
// docs all come from this schema; unknown keys are errors (strict) and every field says what it is for.
import { z } from 'zod'

export const liveScoreServerSchema = z
  .strictObject({
    kind: z.literal('live-score').describe('A match ticker: GET /api/stream answers with an event stream of score updates.'),
    intervalMs: z.number().int().min(100).max(60_000).default(1000).describe('Simulated milliseconds between two score updates.'),
    home: z.string().min(1).max(40).default('Lions').describe('Name of the home team.'),
    away: z.string().min(1).max(40).default('Tigers').describe('Name of the away team.'),
    updates: z.number().int().min(1).nullable().default(null).describe('How many updates the match lasts before the final whistle ends the streams (null: longer than any run). After it, /api/stream answers 204 No Content.'),
    retryMs: z.number().int().min(0).max(600_000).nullable().default(null).describe('Reconnection time the server asks for with a `retry:` line at the start of each stream (null: none; browsers then wait about 3 s).'),
  })
  .describe('The live-score server.')

export const inboxServerSchema = z
  .strictObject({
    kind: z.literal('inbox').describe('An inbox: messages arrive on a schedule; GET /api/messages?since=<id> answers at once, GET /api/messages/wait?since=<id> holds the request (long polling).'),
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
    holdTimeoutMs: z.number().int().min(100).max(120_000).default(5000).describe('How long /api/messages/wait holds a request before answering 204 No Content.'),
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
    pingIntervalMs: z.number().int().min(100).max(600_000).nullable().default(null).describe('Heartbeat: the server pings each connection this often (the browser answers pong by itself); null for none.'),
  })
  .describe('The chat server.')

export const serverSchema = z.discriminatedUnion('kind', [liveScoreServerSchema, inboxServerSchema, chatServerSchema]).describe('Which simulated server answers the learner, and how it behaves.')

export const scenarioSchema = z
  .strictObject({
    server: serverSchema,
    latencyMs: z.number().int().min(0).max(5000).default(50).describe('One-way network latency between client and server, in simulated milliseconds.'),
    jitterMs: z.number().int().min(0).max(5000).default(0).describe('Up to this many simulated ms added at random (from the seed) to each message\'s latency; messages on one connection still arrive in order.'),
    durationMs: z.number().int().min(500).max(600_000).default(5500).describe('How long one run lasts, in simulated milliseconds; checks are evaluated when it ends.'),
    seed: z.number().int().min(0).max(2 ** 31).default(1).describe('Seed for every random choice in the simulation, so runs are reproducible.'),
    limits: z
      .strictObject({
        requestsPerSecond: z.number().int().min(1).max(10_000).default(50).describe('More requests than this within one simulated second stop the run (a loop without a pause).'),
        openConnections: z.number().int().min(1).max(1000).default(20).describe('More connections open at once than this stop the run.'),
      })
      .default({ requestsPerSecond: 50, openConnections: 20 })
      .describe('Caps on the learner\'s traffic, so code that floods the network stops with a clear message.'),
    serverDelayMs: z.number().int().min(0).max(60_000).default(0).describe('A slow server: simulated ms it spends on each request before answering.'),
    proxyIdleTimeoutMs: z.number().int().min(100).max(600_000).nullable().default(null).describe('A proxy in front of the server closes any connection that carries no data for this long: an unanswered request gets 504 Gateway Timeout, a stream is cut. null: no proxy.'),
    faults: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({
            atMs: z.number().int().min(0).describe('When it happens, in simulated ms from the start of the run.'),
            kind: z
              .enum(['drop-connections', 'restart-server'])
              .describe('drop-connections: every open connection is lost at once (a network path fails). restart-server: the connections are lost and the server forgets what it kept in memory.'),
          }),
          z.strictObject({
            atMs: z.number().int().min(0).describe('When the network goes down, in simulated ms from the start of the run.'),
            kind: z.literal('offline').describe('The network goes down: open connections are lost and new ones fail until it is back.'),
            durationMs: z.number().int().min(1).max(600_000).describe('How long the network stays down, in simulated ms.'),
          }),
        ]),
      )
      .default([])
      .describe('Things that go wrong on a schedule during each run.'),
  })
  .describe('What runs when the learner presses Run.')

export const protocolSchema = z.enum(['short-polling', 'long-polling', 'sse', 'websocket']).describe('The protocol the lesson teaches; sets its colour and glyph.')

export const lessonFrontMatterSchema = z
  .strictObject({
    title: z.string().min(1).max(120).describe('Title shown on the home page and above the lesson.'),
    summary: z.string().min(1).max(300).describe('One or two sentences for the lesson list.'),
    order: z.number().int().min(1).describe('Position in the lesson list (1 comes first); unique across lessons.'),
    protocol: protocolSchema,
    starter: z.string().regex(/^[\w.-]+\.(js|ts)$/).default('starter.js').describe('File in the lesson folder holding the code the learner starts from.'),
    solution: z.string().regex(/^[\w.-]+\.(js|ts)$/).default('solution.js').describe('File in the lesson folder holding a solution that passes every check.'),
    scenario: scenarioSchema,
  })
  .describe('Front matter of lessons/<NN-slug>/lesson.md.')

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>
export type Scenario = z.infer<typeof scenarioSchema>
export type Protocol = z.infer<typeof protocolSchema>
