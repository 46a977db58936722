// cheat: Alice greets, but Bob's and Alice's lines are written into the code
// fails: bob-hears-alice /by your code's top level: it did not come from a frame Server 2 sent him/
const ws = new WebSocket('/chat');
ws.onopen = () => {
  if (client.name === 'Alice') ws.send('Hi, anyone on the other server?');
  else ws.send('Hello from Server 2!');
};
if (client.name === 'Bob') console.log('A1: Hi, anyone on the other server?');
else console.log('B1: Hello from Server 2!');
