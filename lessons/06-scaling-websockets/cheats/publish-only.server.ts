// cheat: publishes every message, but no instance subscribes: the broker has nobody to deliver to
// fails: bob-hears-alice /delivered it to no subscriber on Server 2/
import { defineServer } from 'wirelab/server'

export default defineServer({
  setup(server) {
    server.socket('/chat', {
      message(socket, data) {
        server.publish('chat', JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) }))
      },
    })
  },
})
