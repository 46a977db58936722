// A Vite dev server on 127.0.0.1 (what `npm start` runs) and the run's Chromium for the tests that need
// one; they open pages with freshPage(dev.browser), closed after the file.
import { afterAll, beforeAll } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser } from 'playwright-core'
import { closeFreshPages, sharedBrowser } from './browser.ts'

export function useDevServer(): { readonly server: ViteDevServer; readonly browser: Browser; readonly url: string } {
  let server: ViteDevServer
  let browser: Browser
  beforeAll(async () => {
    server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
    await server.listen()
    // the learner worker's modules load one by one in the dev server, each transformed on first request:
    // transform them before the tests (as a `server.warmup` entry in vite.config.ts would), so the first
    // Run does not spend seconds of its start-up limit (runner/learner-run.ts STARTUP_MS) on that
    await warmModuleGraph(server, '/src/lib/runner/worker/learner-worker.ts?worker_file&type=module')
    browser = await sharedBrowser()
  })
  afterAll(async () => {
    await closeFreshPages()
    await server?.close()
  })
  return {
    get server() {
      return server
    },
    get browser() {
      return browser
    },
    get url() {
      return server.resolvedUrls!.local[0]!
    },
  }
}

/** transform a module and everything it imports, as the browser will ask for them */
async function warmModuleGraph(server: ViteDevServer, url: string, seen = new Set<string>()): Promise<void> {
  if (seen.has(url)) return
  seen.add(url)
  await server.transformRequest(url)
  const module = await server.moduleGraph.getModuleByUrl(url)
  await Promise.all([...(module?.importedModules ?? [])].map((imported) => (imported.url ? warmModuleGraph(server, imported.url, seen) : undefined)))
}
