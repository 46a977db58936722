// cheat: almost right: a heartbeat that closes the dead socket, but reconnects only in onclose
// fails: heartbeat-notices-silence /after the network went offline/
function connectChat() {
  const ws = new WebSocket('/chat');
  let pongTimer;
  const heartbeat = setInterval(() => {
    ws.send(JSON.stringify({ type: 'ping' }));
    pongTimer = setTimeout(() => ws.close(), 1500);
  }, 2000);
  ws.onmessage = (e) => {
    const message = JSON.parse(e.data);
    if (message.type === 'pong') clearTimeout(pongTimer);
    if (message.type === 'chat') console.log(`${message.from}: ${message.text}`);
  };
  ws.onclose = () => {
    clearInterval(heartbeat);
    clearTimeout(pongTimer);
    setTimeout(connectChat, 1000);
  };
}
connectChat();
