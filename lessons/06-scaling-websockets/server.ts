import { defineServer } from 'wirelab/server'

// One instance of the chat server. This lesson runs two of them behind a load balancer: Alice's
// WebSocket reaches Server 1, Bob's reaches Server 2, and each instance knows only its own sockets.
export default defineServer({
  endpoints: ['WebSocket /chat'],
  setup(server) {
    /** sends a chat message (JSON text) to every client connected to THIS instance */
    const sendToMyClients = (json: string) => {
      for (const socket of server.sockets('/chat')) socket.send(json)
    }

    // every instance hears what any instance publishes, its own messages included
    server.subscribe('chat', sendToMyClients)

    server.socket('/chat', {
      message(socket, data) {
        const json = JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) })
        if (server.broker) server.publish('chat', json)
        else sendToMyClients(json)
      },
    })
  },
})
