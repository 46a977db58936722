// This code runs twice at once: as Alice and as Bob. client.name tells you which one you are.
const GREETING = 'Hi, anyone on the other server?';
const ws = new WebSocket('/chat');

ws.onopen = () => {
  if (client.name === 'Alice') ws.send(GREETING);
};

ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
  if (client.name === 'Bob' && message.text === GREETING) ws.send('Hello from Server 2!');
};
