// cheat: nobody reads a frame: Bob answers as soon as he is connected, and the lines come from timers
// fails: bob-hears-alice /by a timer: it did not come from a frame Server 2 sent him/
// fails: alice-hears-bob /before the greeting reached him/
const ws = new WebSocket('/chat');
ws.onopen = () => {
  if (client.name === 'Alice') ws.send('Hi, anyone on the other server?');
  else setTimeout(() => ws.send('Hello from Server 2!'), 50);
};
setTimeout(() => console.log('A1: Hi, anyone on the other server?'), 202);
setTimeout(() => console.log('B1: Hello from Server 2!'), 304);
