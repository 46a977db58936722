import { describe, expect, it } from 'vitest'
import { CookieJar, defaultPath, pathMatches } from './cookie-jar.ts'

describe('the simulated browser’s cookies (RFC 6265)', () => {
  it('sends the scenario’s cookies, a later Set-Cookie once its answer has arrived, and honours SameSite for a page of another site', () => {
    const jar = new CookieJar([{ name: 'theme', value: 'dark', sameSite: 'Lax' }])
    expect(jar.set('sid=s3cr3t; Path=/; Secure; HttpOnly; SameSite=None', '/api/session', 100)).toEqual({
      stored: { name: 'sid', value: 's3cr3t', path: '/', sameSite: 'None', secure: true, httpOnly: true, since: 100 },
    })
    expect(jar.header('/private', 99, false)).toBe('theme=dark')
    expect(jar.header('/private', 100, false)).toBe('theme=dark; sid=s3cr3t')
    // a WebSocket handshake from a page on another site: the Lax cookie stays home
    expect(jar.header('/private', 100, true)).toBe('sid=s3cr3t')
  })

  it('puts longer paths first, then older cookies (§5.4 step 2), and matches paths on segment boundaries', () => {
    const jar = new CookieJar()
    jar.set('a=1; Path=/', '/', 0)
    jar.set('b=2; Path=/api', '/', 1)
    jar.set('c=3', '/api/x', 2) // default path: /api
    expect(jar.header('/api/inbox', 5, false)).toBe('b=2; c=3; a=1')
    expect(jar.header('/apix', 5, false)).toBe('a=1')
    expect([pathMatches('/api', '/api'), pathMatches('/api', '/api/'), pathMatches('/api/', '/api/x'), pathMatches('/api', '/apix')]).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect([defaultPath('/api/session?x=1'), defaultPath('/login'), defaultPath('')]).toEqual(['/api', '/', '/'])
  })

  it('replaces a cookie of the same name and path, deletes one with Max-Age=0, and treats a missing or unknown SameSite as Lax', () => {
    const jar = new CookieJar()
    jar.set('sid=one; Path=/', '/', 0)
    jar.set('sid=two; Path=/; SameSite=whatever', '/', 1)
    expect(jar.held(5).map((c) => `${c.name}=${c.value} ${c.sameSite}`)).toEqual(['sid=two Lax'])
    expect(jar.header('/', 5, true)).toBe('')
    expect(jar.set('sid=; Path=/; Max-Age=0', '/', 6)).toEqual({ deleted: 'sid' })
    expect(jar.header('/', 7, false)).toBe('')
  })

  it('refuses SameSite=None without Secure, as Chromium does, and a header with no name=value', () => {
    const jar = new CookieJar()
    expect(jar.set('sid=1; SameSite=None', '/', 0)).toEqual({ refused: 'sid: SameSite=None without Secure (Chromium refuses it)' })
    expect(jar.set('garbage', '/', 0)).toEqual({ refused: 'a Set-Cookie header needs name=value' })
    expect(jar.header('/', 1, false)).toBe('')
  })
})
