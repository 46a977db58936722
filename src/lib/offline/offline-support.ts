// What the page can say about Wirelab's service worker, as plain functions: whether this browser allows
// one here (and what to do if not), and how complete the offline copy of the course is.

/** the one service worker of the site, at the site's own folder: msw and the offline copy both use it */
export const serviceWorkerUrl = (base: string = import.meta.env.BASE_URL): string => `${base}sw.js`

/** every run holds this Web Lock (shared); an update of the course takes it whole, so it waits for runs to end */
export const RUN_LOCK = 'wirelab:runs'

export interface WorkerEnvironment {
  secure: boolean
  hasServiceWorker: boolean
  /** location.protocol, location.hostname */
  protocol: string
  hostname: string
}

/** why this browser allows no service worker here, with what to do about it; null when it does */
export function serviceWorkerProblem(env: WorkerEnvironment): string | null {
  if (env.protocol === 'file:') {
    return 'Wirelab cannot run from a file on disk: serve the dist/ folder with any static web server (see "Publish your course" in the README) and open it over http://localhost or https://.'
  }
  if (!env.secure) {
    return `This address (${env.protocol}//${env.hostname}) is not a secure context, so the browser allows no service worker here: Run cannot reach the simulated server, and the course does not work offline. Open it over https://, or at http://localhost or http://127.0.0.1 on this computer.`
  }
  if (!env.hasServiceWorker) {
    return 'This browser allows no service worker on this page (a private window may block them), so Run cannot reach the simulated server and the course does not work offline. Open it in a normal window of a current browser.'
  }
  return null
}

/** the message for a registration that failed (blocked by the browser, a private window, a missing sw.js) */
export function registrationProblem(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  return `The browser refused Wirelab's service worker (${reason}), so Run cannot reach the simulated server and the course does not work offline. A private window or a setting that blocks site data may be the cause: try a normal window, or allow this site to store data.`
}

export interface OfflineStatus {
  /** the build the service worker keeps */
  version: string
  files: number
  cached: number
  bytes: number
}

/** a status message from the service worker, checked field by field (null: not one) */
export function parseOfflineStatus(data: unknown): OfflineStatus | null {
  if (typeof data !== 'object' || data === null) return null
  const d = data as Record<string, unknown>
  if (d.type !== 'wirelab:offline-status') return null
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null)
  const files = count(d.files)
  const cached = count(d.cached)
  const bytes = count(d.bytes)
  if (typeof d.version !== 'string' || files === null || cached === null || bytes === null || cached > files) return null
  return { version: d.version, files, cached, bytes }
}

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** one sentence for the home page; null when there is nothing to keep (the dev server) */
export function describeOfflineStatus(status: OfflineStatus | null): string | null {
  if (!status || status.files === 0) return null
  if (status.cached === status.files) return `Ready to work offline: the whole course (${megabytes(status.bytes)}) is kept in this browser.`
  return `Saving the course for offline use: ${status.cached} of ${status.files} files so far.`
}
