// cheat: publishes and subscribes, but what the broker delivers is only counted, never sent on
// fails: bob-hears-alice /did not send it on to Bob/
import { defineServer } from 'wirelab/server'

export default defineServer({
  setup(server) {
    const heard = server.counter('heard', ['message heard', 'messages heard'])
    server.subscribe('chat', () => heard.add())
    server.socket('/chat', {
      message(socket, data) {
        server.publish('chat', JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) }))
      },
    })
  },
})
