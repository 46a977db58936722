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

    // TODO 2: subscribe this instance to the broker's 'chat' channel, and send what it delivers to
    // this instance's clients

    server.socket('/chat', {
      message(socket, data) {
        const json = JSON.stringify({ type: 'chat', from: socket.conn, text: String(data) })
        // TODO 1: publish the message on the broker's 'chat' channel, so that every instance (this
        // one too) hears it; without a broker (server.broker is false), send it straight to your clients
        sendToMyClients(json)
      },
    })
  },
})
