// A chat that speaks two versions of its protocol, chosen in the WebSocket handshake
// (Sec-WebSocket-Protocol). "chat.v2" adds what makes a chat feel alive: message ids, typing
// indicators and read receipts. "chat.v1" (or no subprotocol) is the plain chat of lesson 05: messages
// only, and typing or read frames are ignored.
//
// Bob is simulated here: he types (his page sends "typing" at most once a second while he types), sends a
// message, and reads what the learner writes a little after it reaches him.
import { defineServer, type LessonSocket } from 'wirelab/server'

interface ChatOptions {
  /** when Bob starts typing, and how long he types before sending */
  bobTypesAtMs: number
  bobTypesForMs: number
  bobSays: string
  /** how long after a message reaches Bob he reads it */
  bobReadsAfterMs: number
}

const V2 = 'chat.v2'

export default defineServer<ChatOptions>({
  endpoints: ['WebSocket /chat (subprotocols chat.v2, chat.v1)'],
  setup(server) {
    const o = server.options
    let nextId = 1
    const received = server.counter('received', ['frame received', 'frames received'])
    const typingSeen = server.counter('typing', ['typing event', 'typing events'])
    const receipts = server.counter('receipts', ['read receipt', 'read receipts'])
    server.forgets(() => `${server.sockets('/chat').length} open chats and the message ids`)

    const v2 = (socket: LessonSocket) => socket.data.protocol === V2
    /** every open chat: v2 clients get the whole message, v1 clients the lesson-05 shape */
    function broadcast(message: { type: 'chat'; id: number; from: string; text: string }) {
      for (const socket of server.sockets('/chat'))
        if (socket.open) socket.send(v2(socket) ? message : { type: 'chat', from: message.from, text: message.text })
    }
    function toV2(message: object) {
      for (const socket of server.sockets('/chat')) if (socket.open && v2(socket)) socket.send(message)
    }

    // Bob's page announces his typing at most once a second, as a well-behaved client does
    for (let t = o.bobTypesAtMs; t < o.bobTypesAtMs + o.bobTypesForMs; t += 1000) server.at(t, () => toV2({ type: 'typing', from: 'Bob' }))
    server.at(o.bobTypesAtMs + o.bobTypesForMs, () => broadcast({ type: 'chat', id: nextId++, from: 'Bob', text: o.bobSays }))

    server.socket('/chat', {
      accept(_request, offered) {
        if (offered.includes(V2)) return { protocol: V2 }
        server.log(`Speaking chat.v1 with this client (it offered ${offered.length ? offered.join(', ') : 'no subprotocol'}): no ids, no typing, no receipts`)
        return offered.includes('chat.v1') ? { protocol: 'chat.v1' } : true
      },
      open(socket) {
        socket.data.protocol = socket.request.header('sec-websocket-protocol')?.includes(V2) ? V2 : 'chat.v1'
      },
      message(socket, data) {
        received.add()
        let message: { type?: unknown; text?: unknown; id?: unknown }
        try {
          message = JSON.parse(String(data)) as typeof message
        } catch {
          return socket.send({ type: 'error', error: 'Send JSON: {"type":"chat","text":"…"}, {"type":"typing"} or {"type":"read","id":1}' })
        }
        if (message.type === 'chat' && typeof message.text === 'string') {
          const id = nextId++
          broadcast({ type: 'chat', id, from: 'You', text: message.text })
          // Bob's page shows it, and tells the server he has read it
          if (v2(socket)) server.after(o.bobReadsAfterMs, () => socket.open && socket.send({ type: 'read', id, by: 'Bob' }))
          return
        }
        if (!v2(socket)) return server.log(`chat.v1 has no "${String(message.type)}" messages: ignored`)
        if (message.type === 'typing') return typingSeen.add()
        if (message.type === 'read' && typeof message.id === 'number') return receipts.add()
        socket.send({ type: 'error', error: `Unknown message type ${JSON.stringify(message.type)}: use chat, typing or read` })
      },
    })
  },
})
