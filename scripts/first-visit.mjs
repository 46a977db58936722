// What a learner's first visit to a published course costs (issue 12), for `npm run bench`: the built
// site served from a sub-path by a plain static host that gzips (as most do), a new browser context
// (empty cache, no service worker) opening the home page and staying until the whole course is kept for
// offline use. Counts the bytes the host sent (every request: the page's, its workers' and the service
// worker's fill) and the time to "Ready to work offline". Standalone: `node scripts/first-visit.mjs`
// (measures the dist/ already built).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const PREFIX = '/courses/realtime/'
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.ttf'])

/** what sw.js precaches: the list and size written into it at build */
export function precache(dist) {
  const line = /^const BUILD = (\{.*\})$/m.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))
  if (!line) throw new Error(`${dist}/sw.js has no build manifest: build first`)
  const build = JSON.parse(line[1])
  const gzipBytes = build.files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 6 }).length, 0)
  return { files: build.files.length, bytes: build.bytes, gzipBytes }
}

/** a static host for `dist` at PREFIX that gzips what it can and counts the bytes it sends */
async function countingHost(dist) {
  const sent = { bytes: 0, requests: 0 }
  const gzipped = new Map()
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://h').pathname)
    const file = normalize(join(dist, path.slice(PREFIX.length) || 'index.html'))
    let body
    try {
      if (!path.startsWith(PREFIX) || !file.startsWith(normalize(dist) + sep)) throw new Error('outside')
      body = readFileSync(file)
    } catch {
      res.writeHead(404).end()
      return
    }
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 6 }))
      body = gzipped.get(file)
      headers['Content-Encoding'] = 'gzip'
    }
    sent.bytes += body.length
    sent.requests++
    res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}${PREFIX}`
  return { url, sent, close: () => new Promise((resolve) => server.close(resolve)) }
}

/**
 * `runs` first visits, each in a new context; returns each one's bytes sent and requests (until the
 * course is kept offline), ms to the home page and ms to "Ready to work offline".
 */
export async function measureFirstVisits(browser, dist, runs = 3) {
  const host = await countingHost(dist)
  const visits = []
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
      const page = await context.newPage()
      host.sent.bytes = 0
      host.sent.requests = 0
      const start = Date.now()
      await page.goto(host.url)
      await page.locator('.lesson-link').first().waitFor({ timeout: 60_000 })
      const homeMs = Date.now() - start
      const homeBytes = host.sent.bytes
      await page.locator('[data-testid=offline-status][data-ready=true]').waitFor({ timeout: 300_000 })
      visits.push({ homeMs, homeBytes, readyMs: Date.now() - start, bytes: host.sent.bytes, requests: host.sent.requests })
      await context.close()
    }
  } finally {
    await host.close()
  }
  return visits
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core')
  const dist = 'dist'
  const p = precache(dist)
  const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`
  console.log(`precache: ${p.files} files, ${mb(p.bytes)} (gzip ${mb(p.gzipBytes)})`)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  for (const v of await measureFirstVisits(browser, dist, Number(process.env.BENCH_RUNS ?? 3))) {
    console.log(`home page ${v.homeMs} ms (${kb(v.homeBytes)}); whole course kept offline ${v.readyMs} ms, ${mb(v.bytes)} sent in ${v.requests} requests`)
  }
  await browser.close()
}
