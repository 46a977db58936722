// 1. The chat. Open it first: it is the connection that goes silent (c1).
function connectChat() {
  const ws = new WebSocket('/chat');
  ws.onmessage = (e) => {
    const message = JSON.parse(e.data);
    if (message.type === 'chat') console.log(`${message.from}: ${message.text}`);
  };
  ws.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();

// 2. Alerts, pushed over an event stream.
const alerts = new EventSource('/api/alerts');
alerts.onmessage = (e) => console.log(`alert: ${JSON.parse(e.data).text}`);

// 3. Finished jobs, long polled.
let since = 0;
async function pollJobs() {
  for (;;) {
    try {
      const res = await fetch(`/api/jobs/wait?since=${since}`);
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
