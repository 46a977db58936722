// Serves (dev) and writes (build) `sw.js`, Wirelab's service worker, beside msw's `mockServiceWorker.js`
// (which msw's own Vite plugin emits from the installed package; sw.js imports it). At build, the list
// of the site's files and a build version are written into sw.js: it precaches them for offline use,
// and a new build is a new sw.js, which is how browsers find out about an update.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

export const serviceWorkerSource = (): string => readFileSync(fileURLToPath(new URL('../lib/mock/service-worker.js', import.meta.url)), 'utf8')

export interface PrecacheManifest {
  /** changes whenever any file of the build does (a hash of every path and its bytes) */
  version: string
  /** paths relative to the site's folder, sorted */
  files: string[]
  /** their total size, uncompressed */
  bytes: number
}

/** not precached: the service worker's own scripts (the browser keeps those itself) and Vite's manifest */
const NOT_PRECACHED = new Set(['sw.js', 'mockServiceWorker.js'])

/** every file of a built site, with a version that changes with any of them */
export function precacheManifest(dir: string): PrecacheManifest {
  const files: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue // .vite/manifest.json and the like
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(relative(dir, path).split(sep).join('/'))
    }
  }
  walk(dir)
  const precached = files.filter((f) => !NOT_PRECACHED.has(f)).sort()
  const hash = createHash('sha256')
  let bytes = 0
  for (const file of precached) {
    const content = readFileSync(join(dir, file))
    bytes += content.length
    hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\0`)
  }
  return { version: hash.digest('hex').slice(0, 16), files: precached, bytes }
}

const BUILD_LINE = /^const BUILD = \{ version: 'dev', files: \[\], bytes: 0 \}.*$/m

/** the service worker's source with a build's manifest written in */
export function withManifest(source: string, manifest: PrecacheManifest): string {
  if (!BUILD_LINE.test(source)) throw new Error('src/lib/mock/service-worker.js has no "const BUILD = { version: \'dev\', … }" line to write the build into')
  return source.replace(BUILD_LINE, () => `const BUILD = ${JSON.stringify(manifest)}`)
}

/** writes dir/sw.js for the site built in dir; returns what it precaches */
export function writeServiceWorker(dir: string): PrecacheManifest {
  const manifest = precacheManifest(dir)
  writeFileSync(join(dir, 'sw.js'), withManifest(serviceWorkerSource(), manifest))
  return manifest
}

export function wirelabServiceWorker(): Plugin {
  let base = '/'
  return {
    name: 'wirelab-service-worker',
    configResolved(config) {
      base = config.base
    },
    configureServer(server) {
      // dev: no precache (version "dev"); the page's files come from the dev server
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${base}sw.js`) return next()
        res.setHeader('Content-Type', 'text/javascript')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(serviceWorkerSource())
      })
    },
    // after every other file is written (msw's worker, index.html, the public folder's files)
    writeBundle: {
      order: 'post',
      handler(options) {
        if (!options.dir) throw new Error('wirelab-service-worker: the build has no output folder')
        const manifest = writeServiceWorker(options.dir)
        this.info(`sw.js precaches ${manifest.files.length} files, ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB (build ${manifest.version})`)
      },
    },
  }
}
