// cheat: the broker is turned off, and Bob writes Alice's greeting himself
// broker: off
// fails: bob-hears-alice /without the pub\/sub broker Server 1 only tells its own clients/
const ws = new WebSocket('/chat');
ws.onopen = () => {
  if (client.name === 'Alice') ws.send('Hi, anyone on the other server?');
};
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
};
if (client.name === 'Bob') setTimeout(() => console.log('A1: Hi, anyone on the other server?'), 202);
