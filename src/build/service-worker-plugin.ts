// Serves (dev) and emits (build) `sw.js`, Wirelab's service worker, beside msw's `mockServiceWorker.js`
// (which msw's own Vite plugin emits from the installed package; sw.js imports it).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

export const serviceWorkerSource = (): string => readFileSync(fileURLToPath(new URL('../lib/mock/service-worker.js', import.meta.url)), 'utf8')

export function wirelabServiceWorker(): Plugin {
  let base = '/'
  return {
    name: 'wirelab-service-worker',
    configResolved(config) {
      base = config.base
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${base}sw.js`) return next()
        res.setHeader('Content-Type', 'text/javascript')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(serviceWorkerSource())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource() })
    },
  }
}
