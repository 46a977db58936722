// Matching a request's method and path to a route: `:name` parts capture one segment, a trailing `*`
// anything after it. The first route that matches answers.

export interface Route<H> {
  method: string
  pattern: string
  handler: H
}

/** the route's captures when `path` matches `pattern`, else null */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!
    if (part === '*' && i === want.length - 1) return params
    const value = got[i]
    if (value === undefined) return null
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value)
    else if (part !== value) return null
  }
  return got.length === want.length ? params : null
}

export function findRoute<H>(routes: readonly Route<H>[], method: string, path: string): { route: Route<H>; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== '*' && route.method !== method.toUpperCase()) continue
    const params = matchPath(route.pattern, path)
    if (params) return { route, params }
  }
  return null
}
