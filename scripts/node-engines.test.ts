// Wirelab promises Node 20.19+ (package.json `engines`, README), while msw 3, mermaid 12 and a few
// packages they use ask for Node 22.12+, so `npm install` on Node 20 prints EBADENGINE warnings. They
// are harmless because those packages run in the browser, and the one piece of them that runs in Node,
// msw's Vite plugin, works on Node 20 (these tests run on it). If this list changes, check the new
// package, then update README ("Start the playground") and scripts/engine-note.mjs.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { msw } from 'msw/vite'

const require = createRequire(import.meta.url)
const semver = require('semver') as { satisfies: (version: string, range: string) => boolean; minVersion: (range: string) => { version: string } }

/** what asks for a newer Node than Wirelab, and why that is fine */
const BROWSER_ONLY: Record<string, string> = {
  msw: 'the page and its service worker; Node only loads msw/vite (tested below)',
  '@mswjs/interceptors': "msw's request interception (msw/node in Node; the browser's in the page)",
  cookie: "msw's cookie handling, in the page",
  mermaid: 'draws diagrams in the page',
  '@mermaid-js/parser': "mermaid's parser, in the page",
  chevrotain: "@mermaid-js/parser's parser toolkit, in the page",
  'katex/node_modules/commander': "katex's command-line tool, never run",
}

describe('Node versions', () => {
  it('only browser-side packages ask for a newer Node than Wirelab promises', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { engines?: { node?: string }; optional?: boolean }>
    }
    const oldest = semver.minVersion(pkg.engines.node).version
    expect(oldest).toBe('20.19.0')
    const newer = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.optional && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([path]) => path.replace(/^node_modules\//, ''))
      .sort()
    expect(newer).toEqual(Object.keys(BROWSER_ONLY).sort())
  })

  it("msw's Vite plugin runs on this Node: it serves the worker in dev and emits it into the build", () => {
    const plugin = msw({ mode: 'worker-only' }) as unknown as {
      configResolved(config: { base: string }): void
      generateBundle(this: unknown): void
      configureServer(server: unknown): void
    }
    plugin.configResolved({ base: '/' })
    const worker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8')

    const emitted: Array<{ fileName: string; source: string }> = []
    plugin.generateBundle.call({
      environment: { config: { consumer: 'client' } },
      emitFile: (file: { fileName: string; source: string }) => emitted.push(file),
    })
    expect(emitted).toEqual([{ type: 'asset', fileName: 'mockServiceWorker.js', source: worker }])

    let middleware: ((req: { url: string }, res: unknown, next: () => void) => void) | undefined
    plugin.configureServer({ middlewares: { use: (m: typeof middleware) => (middleware = m) } })
    let served = ''
    let head: Record<string, string> = {}
    middleware!(
      { url: '/mockServiceWorker.js' },
      { writeHead: (_: number, h: Record<string, string>) => (head = h), end: (body: string) => (served = body) },
      () => {},
    )
    expect(served).toBe(worker)
    expect(head['service-worker-allowed']).toBe('/')
  })
})
