// The simulated browser's cookies for the lesson's site (RFC 6265): what the scenario says it holds at
// the start, and what the server sets with Set-Cookie as its answers arrive. Each request gets the
// Cookie header the browser would send: the cookies whose path matches, in RFC 6265 §5.4's order, with
// SameSite applied as Chromium does (a request from a page of another site gets only SameSite=None
// cookies; a cookie set without SameSite counts as Lax). The real browser's own cookies play no part:
// a service worker's answer cannot set cookies, and the real requests carry none of these.

export type SameSite = 'Strict' | 'Lax' | 'None'

export interface Cookie {
  name: string
  value: string
  path: string
  sameSite: SameSite
  secure: boolean
  httpOnly: boolean
  /** simulated ms at which the browser has it (the answer that set it arrived); later requests send it */
  since: number
}

/** the cookies a scenario says the browser holds from the start */
export interface InitialCookie {
  name: string
  value: string
  path?: string
  sameSite?: SameSite
}

/** what became of one Set-Cookie header: stored, deleted, or refused, and why (said in the trace) */
export type SetCookieResult = { stored: Cookie } | { deleted: string } | { refused: string }

/** RFC 6265 §5.1.4: the default path is the request path up to its last "/" (or "/") */
export function defaultPath(requestPath: string): string {
  const path = requestPath.split('?')[0] ?? '/'
  if (!path.startsWith('/')) return '/'
  const last = path.lastIndexOf('/')
  return last <= 0 ? '/' : path.slice(0, last)
}

/** RFC 6265 §5.1.4: does a cookie's path match a request's path */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  const path = requestPath.split('?')[0] || '/'
  if (path === cookiePath) return true
  if (!path.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || path[cookiePath.length] === '/'
}

export class CookieJar {
  private cookies: Cookie[] = []

  constructor(initial: readonly InitialCookie[] = []) {
    for (const c of initial)
      this.cookies.push({ name: c.name, value: c.value, path: c.path ?? '/', sameSite: c.sameSite ?? 'Lax', secure: false, httpOnly: false, since: 0 })
  }

  /**
   * One Set-Cookie header (RFC 6265 §5.2) from an answer to `requestPath` that reached the browser at
   * `at`. A cookie with the name and path of one held replaces it (§5.3 step 11); Max-Age ≤ 0 deletes it.
   * Chromium refuses SameSite=None without Secure.
   */
  set(header: string, requestPath: string, at: number): SetCookieResult {
    const [pair = '', ...attributes] = header.split(';')
    const eq = pair.indexOf('=')
    if (eq < 0) return { refused: 'a Set-Cookie header needs name=value' }
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (!name) return { refused: 'a cookie needs a name' }
    const cookie: Cookie = { name, value, path: defaultPath(requestPath), sameSite: 'Lax', secure: false, httpOnly: false, since: at }
    let maxAge: number | null = null
    for (const attribute of attributes) {
      const i = attribute.indexOf('=')
      const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase()
      const val = i < 0 ? '' : attribute.slice(i + 1).trim()
      if (key === 'path' && val.startsWith('/')) cookie.path = val
      else if (key === 'secure') cookie.secure = true
      else if (key === 'httponly') cookie.httpOnly = true
      else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val)
      else if (key === 'samesite') {
        const v = val.toLowerCase()
        // an unknown value counts as the default, Lax (RFC 6265bis §5.6.7)
        cookie.sameSite = v === 'strict' ? 'Strict' : v === 'none' ? 'None' : 'Lax'
      }
    }
    if (cookie.sameSite === 'None' && !cookie.secure) return { refused: `${name}: SameSite=None without Secure (Chromium refuses it)` }
    const held = this.cookies.findIndex((c) => c.name === name && c.path === cookie.path)
    if (maxAge !== null && maxAge <= 0) {
      if (held >= 0) this.cookies.splice(held, 1)
      return { deleted: name }
    }
    if (held >= 0) this.cookies.splice(held, 1, cookie)
    else this.cookies.push(cookie)
    return { stored: cookie }
  }

  /**
   * The Cookie header's value for a request to `path` sent at `at`, or '' for none. `crossSite`: the page
   * that makes the request is on another site, so only SameSite=None cookies go (a WebSocket handshake
   * or a fetch from that page is never a top-level navigation, so Lax does not go either).
   */
  header(path: string, at: number, crossSite: boolean): string {
    return this.cookies
      .filter((c) => c.since <= at && pathMatches(c.path, path) && (!crossSite || c.sameSite === 'None'))
      .map((c, order) => ({ c, order }))
      .sort((a, b) => b.c.path.length - a.c.path.length || a.c.since - b.c.since || a.order - b.order)
      .map(({ c }) => `${c.name}=${c.value}`)
      .join('; ')
  }

  /** every cookie held at `at` (for the inspector and tests) */
  held(at: number): Cookie[] {
    return this.cookies.filter((c) => c.since <= at)
  }
}
