// This code runs twice at once: as Alice and as Bob. client.name tells you which one you are.
const ws = new WebSocket('/chat');

ws.onopen = () => {
  // TODO: only Alice should greet
  ws.send('Hi, anyone on the other server?');
};

ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
  // TODO: Bob answers Alice's greeting with 'Hello from Server 2!'
};
