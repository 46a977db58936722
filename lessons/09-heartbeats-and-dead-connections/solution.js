// 1. The chat, with an application heartbeat. Open it first: it is the connection that goes silent (c1).
function connectChat() {
  const ws = new WebSocket('/chat');
  let pongTimer;
  // every 2 s a ping; no pong within 1.5 s means the connection is dead, even though nothing says so
  const heartbeat = setInterval(() => {
    ws.send(JSON.stringify({ type: 'ping' }));
    pongTimer = setTimeout(() => {
      console.log('No pong: the connection is dead, reconnecting');
      stop();
      ws.onclose = null; // its close event would come only after the browser gives up on it (60 s)
      ws.close();
      connectChat(); // do not wait for it: open a new one now
    }, 1500);
  }, 2000);
  const stop = () => {
    clearInterval(heartbeat);
    clearTimeout(pongTimer);
  };
  ws.onmessage = (e) => {
    const message = JSON.parse(e.data);
    if (message.type === 'pong') clearTimeout(pongTimer);
    if (message.type === 'chat') console.log(`${message.from}: ${message.text}`);
  };
  ws.onclose = () => {
    // a loud failure (offline, a drop): the close comes at once
    stop();
    setTimeout(connectChat, 1000);
  };
}
connectChat();

// 2. Alerts: ask for a comment every 2 s, well within the proxy's 5 s idle timeout.
const alerts = new EventSource('/api/alerts?keepalive=2000');
alerts.onmessage = (e) => console.log(`alert: ${JSON.parse(e.data).text}`);

// 3. Finished jobs, long polled: held at most 4 s, so the server answers before the proxy gives up.
let since = 0;
async function pollJobs() {
  for (;;) {
    try {
      const res = await fetch(`/api/jobs/wait?since=${since}&hold=4000`);
      if (res.status === 200) {
        const { jobs, last } = await res.json();
        for (const job of jobs) console.log(`job: ${job.name} ${job.status}`);
        since = last;
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // offline: try again in a second
    }
  }
}
pollJobs();
