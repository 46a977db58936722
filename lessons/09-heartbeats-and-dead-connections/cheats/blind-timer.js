// cheat: the wrong technique: pings, but opens a new chat every 4 s whatever the pongs say
// fails: heartbeat-notices-silence /while the old one was answering every ping/
let ws;
function connectChat() {
  if (ws) {
    ws.onclose = null;
    ws.close();
  }
  const socket = new WebSocket('/chat');
  ws = socket;
  socket.onopen = () => socket.send(JSON.stringify({ type: 'ping' }));
  socket.onmessage = (e) => {
    const message = JSON.parse(e.data);
    if (message.type === 'chat') console.log(`${message.from}: ${message.text}`);
  };
  socket.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();
setInterval(connectChat, 4000);
const alerts = new EventSource('/api/alerts?keepalive=2000');
alerts.onmessage = (e) => console.log(`alert: ${JSON.parse(e.data).text}`);
