// A request as a lesson's server reads it: path, query, route parameters, headers, cookies, body.
import type { ServerRequest } from '../servers/types.ts'
import type { LessonRequest } from './types.ts'

/** the parts of `target` ("/api/items/7?since=3") */
export function splitTarget(target: string): { path: string; query: Record<string, string> } {
  const url = new URL(target, 'http://server.invalid')
  const query: Record<string, string> = {}
  for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value
  return { path: url.pathname, query }
}

/** "a=1; b=two" → { a: '1', b: 'two' } */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (name && !(name in cookies)) cookies[name] = part.slice(eq + 1).trim()
  }
  return cookies
}

export function lessonRequest(
  request: Pick<ServerRequest, 'method' | 'target' | 'headers' | 'body'>,
  params: Record<string, string>,
  conn: string,
): LessonRequest {
  const { path, query } = splitTarget(request.target)
  const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]))
  return {
    method: request.method,
    path,
    query,
    params,
    header: (name) => headers[name.toLowerCase()],
    headers,
    cookies: parseCookies(headers.cookie),
    body: request.body,
    json<T>() {
      try {
        return JSON.parse(request.body) as T
      } catch {
        throw new Error(`The body of ${request.method} ${path} is not JSON: ${JSON.stringify(request.body.slice(0, 60))}`)
      }
    },
    conn,
  }
}
