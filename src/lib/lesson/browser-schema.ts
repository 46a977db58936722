// What the simulated browser brings to a lesson besides the learner's code: the cookies it holds for the
// lesson's site, and pages of other sites open beside the learner's (sim/cookie-jar.ts, sim/cross-site.ts).
// Part of the one lesson schema (schema.ts).
import { z } from 'zod'

export const cookiesSchema = z
  .array(
    z.strictObject({
      name: z
        .string()
        .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, "a cookie name is a token: letters, digits and !#$%&'*+-.^_`|~")
        .describe("The cookie's name."),
      value: z
        .string()
        .regex(/^[!#-+\--:<-[\]-~]{0,200}$/, 'a cookie value has no spaces, quotes, commas, semicolons or backslashes (RFC 6265 §4.1.1)')
        .describe('Its value.'),
      path: z.string().regex(/^\//, 'a path starts with /').default('/').describe('The paths it is sent to (RFC 6265 §5.1.4).'),
      sameSite: z
        .enum(['Strict', 'Lax', 'None'])
        .default('Lax')
        .describe('SameSite: a request from a page of another site carries only None cookies (Chromium treats a cookie without SameSite as Lax).'),
    }),
  )
  .max(10)
  .default([])
  .describe(
    "The cookies the simulated browser holds for the lesson's site when the run starts (a session from an earlier visit …). Every request to the site carries them in a modelled Cookie header; the server's Set-Cookie adds more.",
  )

export const crossSitePagesSchema = z
  .array(
    z.strictObject({
      atMs: z.number().int().min(0).describe('When the page opens its WebSocket, in simulated ms.'),
      origin: z
        .string()
        .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'an origin: scheme and host, e.g. https://evil.example')
        .describe("The page's origin, e.g. https://evil.example: its handshake says so in Origin."),
      socket: z.string().regex(/^\//, 'a path starts with /').describe("The path (and query) on the lesson's server it opens a WebSocket to, e.g. /private."),
      protocols: z.array(z.string()).default([]).describe('The subprotocols it offers.'),
    }),
  )
  .max(3)
  .default([])
  .describe(
    "Pages of other sites open in the same browser (scripted, not the learner's code): each opens a WebSocket to the lesson's server, carrying its own Origin and the site's SameSite=None cookies. Their connections are x1, x2 … on a lifeline of their own; what the server sends them is in the trace.",
  )
