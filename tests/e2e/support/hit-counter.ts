// A real HTTP listener on another local port that records every request it gets: learner code must
// never reach it, whatever way around the simulation it tries.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HitCounter {
  readonly origin: string
  readonly port: number
  readonly hits: string[]
  close(): Promise<void>
}

export async function startHitCounter(): Promise<HitCounter> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' })
    res.end('export default 1; self.__escaped = true')
  })
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`)
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
