// A stock ticker over WebSocket that speaks one subprotocol, "ticker.v1": a handshake that does not offer
// it is refused (400), as is one from a page of another origin (403, the server's Origin check). After
// the handshake a client subscribes to symbols; every tick it gets the prices of those symbols as JSON.
import { defineServer, type LessonSocket } from 'wirelab/server'

interface TickerOptions {
  tickMs: number
  symbols: Record<string, number>
}

export default defineServer<TickerOptions, Record<string, number>>({
  endpoints: ['WebSocket /ticker (subprotocol ticker.v1)'],
  // the market moves whether or not anyone watches
  world(world) {
    const prices = { ...world.options.symbols }
    world.every(world.options.tickMs, () => {
      for (const symbol of Object.keys(prices)) prices[symbol] = Math.round(prices[symbol]! * (1 + (world.random() - 0.5) / 50) * 100) / 100
      world.emit('tick')
    })
    return prices
  },
  setup(server, prices) {
    const subscriptions = new Map<LessonSocket, Set<string>>()
    server.on('tick', () => {
      for (const [socket, symbols] of subscriptions)
        for (const symbol of symbols) if (socket.open) socket.send({ type: 'price', symbol, price: prices[symbol] })
    })

    server.socket('/ticker', {
      accept(request, offered) {
        if (request.header('origin') !== `http://${request.header('host')}`) return { refuse: 403 }
        if (!offered.includes('ticker.v1')) {
          server.log(`Refused: the client offered ${offered.length ? offered.join(', ') : 'no subprotocol'}, not ticker.v1`)
          return { refuse: 400 }
        }
        return { protocol: 'ticker.v1' }
      },
      open(socket) {
        subscriptions.set(socket, new Set())
      },
      message(socket, data) {
        let request: { subscribe?: unknown }
        try {
          request = JSON.parse(String(data)) as { subscribe?: unknown }
        } catch {
          return socket.send({ type: 'error', error: 'send JSON: {"subscribe":["ACME"]}' })
        }
        const wanted = Array.isArray(request.subscribe) ? request.subscribe.map(String) : []
        const known = wanted.filter((s) => s in prices)
        for (const symbol of known) subscriptions.get(socket)?.add(symbol)
        socket.send({ type: 'subscribed', symbols: known })
      },
      close(socket) {
        subscriptions.delete(socket)
      },
    })
  },
})
