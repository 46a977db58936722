// Hash routes, so the site works from any static host at any sub-path with no server rewrites:
// "#/" is the lesson list, "#/lab" the protocol comparison lab, "#/lesson/<slug>" a lesson, "#/lesson/<slug>/step/<n>" a lesson with its
// run replayed to step n (the run is made again: the same code gives the same trace), and
// ".../code/<data>" a share link that carries code (compressed: share/share-code.ts), offered to the
// visitor, never run without their click.

export type Route = { page: 'home' } | { page: 'lab' } | { page: 'lesson'; slug: string; step: number | null; shared: string | null }

export function parseRoute(hash: string): Route {
  if (/^#\/lab\/?$/.test(hash)) return { page: 'lab' }
  // the code is taken as it is: a damaged one is shown as damaged (share-code.ts checks it)
  const match = /^#\/lesson\/([\w-]+)(?:\/step\/(\d{1,9}))?(?:\/code\/(.*))?(?:$|[/?])/.exec(hash)
  if (!match) return { page: 'home' }
  return { page: 'lesson', slug: match[1]!, step: match[2] === undefined ? null : Number(match[2]), shared: match[3] ?? null }
}

export const lessonHref = (slug: string) => `#/lesson/${slug}`
export const LAB_HREF = '#/lab'

/** the link to a step of a lesson's run */
export const stepHref = (slug: string, step: number) => `#/lesson/${slug}/step/${step}`

/** a share link's hash: the lesson, the step if chosen, the code */
export const sharedHref = (slug: string, step: number | null, data: string) => `${step === null ? lessonHref(slug) : stepHref(slug, step)}/code/${data}`
