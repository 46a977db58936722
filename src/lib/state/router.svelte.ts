// Hash routes, so the site works from any static host with no server rewrites:
// "#/" is the lesson list, "#/lab" the protocol comparison lab, "#/lesson/<slug>" a lesson, "#/lesson/<slug>/step/<n>" a lesson with its
// run replayed to step n (the run is made again: the same code gives the same trace).

export type Route = { page: 'home' } | { page: 'lab' } | { page: 'lesson'; slug: string; step: number | null }

export function parseRoute(hash: string): Route {
  if (/^#\/lab\/?$/.test(hash)) return { page: 'lab' }
  const match = /^#\/lesson\/([\w-]+)(?:\/step\/(\d+))?/.exec(hash)
  return match ? { page: 'lesson', slug: match[1]!, step: match[2] === undefined ? null : Number(match[2]) } : { page: 'home' }
}

/** the link to a step of a lesson's run */
export const stepHref = (slug: string, step: number) => `#/lesson/${slug}/step/${step}`

export class Router {
  route = $state<Route>(parseRoute(location.hash))

  constructor() {
    addEventListener('hashchange', () => (this.route = parseRoute(location.hash)))
  }
}

export const lessonHref = (slug: string) => `#/lesson/${slug}`
export const LAB_HREF = '#/lab'
