// Where the learner realm's requests really go. The simulation decides what happens to a request for
// another host (it fails like a DNS error, and the trace says so), but the page's Content-Security-Policy
// lets the worker reach its own origin only, so such a request travels to a stand-in address at the page's
// origin that carries the original URL along (the transport reads it back: see mock/http-transport.ts).
import { OFFSITE_PATH, OFFSITE_PARAM } from '../protocol.ts'

/** the URL to request for `url`: itself when it is on the page's origin, else the stand-in */
export function toWire(url: URL, baseUrl: string): string {
  const base = new URL(baseUrl)
  if (url.origin === base.origin) return url.href
  const standIn = new URL(OFFSITE_PATH, base)
  standIn.searchParams.set(OFFSITE_PARAM, url.href)
  return standIn.href
}
