// Pages of other sites open in the same browser as the learner's page (a scenario's `crossSitePages`):
// scripted, not learner code. Each opens a WebSocket to the lesson's server at its time, as a page on
// its origin would: the handshake carries that page's Origin and the cookies the browser would send for
// the lesson's site from another site (only SameSite=None ones). What the server sends it is in the
// trace (that is what such a page could read); the page itself does nothing with it.
import type { WsClientListener } from './ws-connection.ts'

export interface CrossSitePage {
  /** when the page opens its WebSocket, in simulated ms */
  atMs: number
  /** the page's origin, e.g. https://evil.example */
  origin: string
  /** the path (and query) on the lesson's server it connects to, e.g. /private */
  socket: string
  /** subprotocols it offers */
  protocols?: readonly string[]
}

/** scheduler keys after every learner client's, so a page acts after the learner's code at the same instant */
export const crossSitePageKey = (index: number): number => 900_000_000 + index + 1

/** the page's connections are x1, x2 … in the trace (the learner's are c1 …, A1 …) */
export const pageConnName = (index: number): string => `x${index + 1}`

/** a page of another site: its origin's host is not the lesson's (the simulation has one site; its subdomains are not modelled) */
export function isCrossSite(origin: string, host: string): boolean {
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** the page reads nothing back into the run: what reached it is in the trace */
export const pageListener: WsClientListener = { open() {}, message() {}, error() {}, close() {} }
