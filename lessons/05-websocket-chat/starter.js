const ws = new WebSocket('/chat');

// TODO: the socket is still connecting here, so this throws.
// Send the greeting when the connection is open (ws.onopen).
ws.send('Hi all!');

ws.onmessage = (e) => {
  // TODO: e.data is JSON text: parse it and log `${from}: ${text}`.
  // After Bob's "Noon, then." close the socket with code 1000.
  console.log(e.data);
};
