// cheat: Server 1 publishes a hard-coded greeting on a timer, whatever Alice sends
// fails: server-publishes /not by Server 1 when Alice's frame arrived/
import { defineServer } from 'wirelab/server'

export default defineServer({
  setup(server) {
    const toMine = (json: string) => server.sockets('/chat').forEach((s) => s.send(json))
    server.subscribe('chat', toMine)
    if (server.instance === 1) server.after(400, () => server.publish('chat', JSON.stringify({ type: 'chat', from: 'A1', text: 'Hi, anyone on the other server?' })))
    server.socket('/chat', {
      message(socket, data) {
        if (server.instance === 2) server.publish('chat', JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) }))
      },
    })
  },
})
