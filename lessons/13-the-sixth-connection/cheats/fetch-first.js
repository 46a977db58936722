// cheat: almost right: asks /api/me first so the fetch gets a connection, then still opens a stream per widget
// fails: every-widget-updates /waited for a connection/
// fails: nothing-waits /waited for a connection/
// fails: one-stream-per-tab /4 EventSources/
const me = await fetch('/api/me').then((r) => r.json());
console.log(`${client.name}: signed in as ${me.name}`);
for (const widget of ['cpu', 'memory', 'requests', 'errors']) {
  const es = new EventSource(`/api/metrics/${widget}`);
  es.onmessage = (e) => {
    const { value } = JSON.parse(e.data);
    console.log(`${client.name} ${widget}: ${value}`);
  };
}
