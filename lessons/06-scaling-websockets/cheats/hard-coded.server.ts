// cheat: no pub/sub: each server sends Alice's greeting and Bob's reply to its own clients by itself
// fails: server-publishes /published nothing/
// fails: bob-hears-alice /never published Alice's message on the broker/
import { defineServer } from 'wirelab/server'

export default defineServer({
  setup(server) {
    server.socket('/chat', {
      message(socket, data) {
        const json = JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) })
        for (const other of server.sockets('/chat')) other.send(json)
      },
      open(socket) {
        if (server.instance === 2) server.after(200, () => socket.send(JSON.stringify({ type: 'chat', from: 'A1', text: 'Hi, anyone on the other server?' })))
      },
    })
  },
})
