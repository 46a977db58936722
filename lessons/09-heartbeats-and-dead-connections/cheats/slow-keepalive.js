// cheat: almost right: a keep-alive and a hold, but both longer than the proxy's idle timeout
// fails: alerts-kept-alive /The proxy cut your alert stream/
// fails: long-poll-under-proxy-timeout /504 Gateway Timeout/
new WebSocket('/chat');
const alerts = new EventSource('/api/alerts?keepalive=6000');
alerts.onmessage = (e) => console.log(`alert: ${JSON.parse(e.data).text}`);
let since = 0;
async function pollJobs() {
  for (;;) {
    try {
      const res = await fetch(`/api/jobs/wait?since=${since}&hold=10000`);
      if (res.status === 200) {
        const { jobs, last } = await res.json();
        for (const job of jobs) console.log(`job: ${job.name} ${job.status}`);
        since = last;
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
pollJobs();
