// Hash routes, so the site works from any static host with no server rewrites:
// "#/" is the lesson list, "#/lesson/<slug>" a lesson.

export type Route = { page: 'home' } | { page: 'lesson'; slug: string }

export function parseRoute(hash: string): Route {
  const match = /^#\/lesson\/([\w-]+)/.exec(hash)
  return match ? { page: 'lesson', slug: match[1]! } : { page: 'home' }
}

export class Router {
  route = $state<Route>(parseRoute(location.hash))

  constructor() {
    addEventListener('hashchange', () => (this.route = parseRoute(location.hash)))
  }
}

export const lessonHref = (slug: string) => `#/lesson/${slug}`
