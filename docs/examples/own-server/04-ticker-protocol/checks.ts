import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'offers-subprotocol',
    title: 'Open the WebSocket offering the ticker.v1 subprotocol',
    run(run) {
      const handshakes = run.requests().filter((r) => r.target.startsWith('/ticker'))
      if (handshakes.length === 0) return { pass: false, message: 'No WebSocket was opened to /ticker.' }
      const offered = handshakes.map((h) => h.headers.find((x) => x.name.toLowerCase() === 'sec-websocket-protocol')?.value ?? '')
      if (
        offered.some((o) =>
          o
            .split(',')
            .map((p) => p.trim())
            .includes('ticker.v1'),
        )
      )
        return { pass: true, message: 'The handshake offered ticker.v1 and the server chose it.' }
      return {
        pass: false,
        message: `Your handshake offered ${offered[0] ? `"${offered[0]}"` : 'no subprotocol'}: the server refused it. Pass the subprotocol to new WebSocket.`,
      }
    },
  },
  {
    id: 'subscribes',
    title: 'Subscribe to ACME with a JSON message',
    run(run) {
      const sent = run.wsFrames({ from: 'client', opcode: 'text' }).map((f) => f.text ?? '')
      const ok = sent.some((text) => {
        try {
          const value = JSON.parse(text) as { subscribe?: unknown }
          return Array.isArray(value.subscribe) && value.subscribe.includes('ACME')
        } catch {
          return false
        }
      })
      if (ok) return { pass: true, message: 'Subscribed to ACME.' }
      return {
        pass: false,
        message: sent.length
          ? `You sent ${sent.length} frame(s), none of them {"subscribe":["ACME"]}.`
          : 'Your code sent no frame: subscribe once the socket is open.',
      }
    },
  },
  {
    id: 'logs-prices',
    title: 'Log each ACME price as ACME <price>, from the frame that carried it',
    run(run) {
      // the frames that reached the code before the run ended (one may still be on its way then)
      const end = run.record.end?.at ?? Infinity
      const prices = run.wsFrames({ from: 'server', opcode: 'text' }).filter((f) => (f.text ?? '').includes('"type":"price"') && f.arrives < end)
      if (prices.length === 0) return { pass: false, message: 'No price reached your code.' }
      const fromFrames = run.callsHandling(['ws-event']).filter((c) => {
        const frame = run.handled(c)
        if (frame?.kind !== 'ws.frame') return false
        const message = JSON.parse(frame.text ?? '{}') as { symbol?: string; price?: number }
        return c.values.length === 1 && c.values[0] === `${message.symbol} ${message.price}`
      })
      const other = run.calls().filter((c) => !fromFrames.includes(c))
      if (fromFrames.length >= prices.length && other.length === 0) return { pass: true, message: `${prices.length} prices, each logged from its frame.` }
      if (other.length)
        return {
          pass: false,
          message: `"${other.map((c) => c.values.map(String).join(' '))[0]}" (at ${other[0]!.t} ms) is not a line built from a price frame.`,
        }
      return { pass: false, message: `${prices.length} prices arrived, ${fromFrames.length} logged as asked.` }
    },
  },
])
