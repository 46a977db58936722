// cheat: closes on a timer, before Bob's second message
// fails: closes-cleanly /before Bob's second message/
const ws = new WebSocket('/chat');
ws.onopen = () => ws.send('Hi all!');
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
};
setTimeout(() => ws.close(1000, 'bye'), 2000);
