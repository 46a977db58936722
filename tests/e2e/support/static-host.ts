// A plain static web host for the built site, as a learner's university web space or a GitHub Pages
// project site would be: it serves a folder under a sub-path (/courses/realtime/), nothing else, records
// every request, and can be stopped and started again on the same port, or switched to a new build.
// It is also the browser's proxy when launched with `proxy: { server: host.origin }` (Playwright then
// proxies loopback too): every request the browser makes, from a page, a worker or the service worker,
// comes here first, so one made to another origin is recorded ("GET http://elsewhere/x 502") and refused.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { AddressInfo, Socket } from 'node:net'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

export interface StaticHost {
  /** the site's address, ending in the sub-path and a slash */
  readonly url: string
  readonly origin: string
  /** "GET /courses/realtime/assets/x.js 200", in order; as the proxy, "GET http://elsewhere/x 502" or "CONNECT elsewhere:443 refused" */
  readonly requests: string[]
  /** serve another folder from now on (a new build deployed) */
  serve(root: string): void
  stop(): Promise<void>
  /** again, on the same port (the site's origin, and so its service worker, stay the same) */
  start(): Promise<void>
}

export async function startStaticHost(root: string, prefix = '/courses/realtime/'): Promise<StaticHost> {
  let folder = root
  const requests: string[] = []
  const sockets = new Set<Socket>()
  let origin = ''
  const server: Server = createServer((req, res) => {
    void (async () => {
      const target = new URL(req.url ?? '/', origin)
      if (target.origin !== origin) {
        // a proxied request for another origin
        requests.push(`${req.method} ${target.href} 502`)
        res.writeHead(502, { 'Content-Type': 'text/plain' }).end('another origin: refused by the test host')
        return
      }
      const path = decodeURIComponent(target.pathname)
      const log = (status: number) => requests.push(`${req.method} ${path} ${status}`)
      if (!path.startsWith(prefix)) {
        log(404)
        res.writeHead(404).end('not here')
        return
      }
      const relative = path.slice(prefix.length) || 'index.html'
      const file = normalize(join(folder, relative))
      if (!file.startsWith(normalize(folder) + sep)) {
        log(403)
        res.writeHead(403).end()
        return
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file')
        const body = await readFile(file)
        log(200)
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Content-Length': body.length })
        res.end(req.method === 'HEAD' ? undefined : body)
      } catch {
        log(404)
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      }
    })()
  })
  // https:// and wss:// through the proxy, and WebSocket upgrades: no course needs either
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    requests.push(`CONNECT ${req.url} refused`)
    socket.destroy()
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    requests.push(`UPGRADE ${req.url} refused`)
    socket.destroy()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}${prefix}`,
    origin,
    requests,
    serve(next) {
      folder = next
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
    start: () => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve())),
  }
}
