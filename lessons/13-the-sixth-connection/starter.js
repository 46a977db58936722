// The dashboard, as it runs in each tab (client.name says which: "Tab 1" or "Tab 2").
// Four widgets, each fed by a stream of its own.
const widgets = ['cpu', 'memory', 'requests', 'errors'];

for (const widget of widgets) {
  const es = new EventSource(`/api/metrics/${widget}`);
  es.onmessage = (e) => {
    const { value } = JSON.parse(e.data);
    console.log(`${client.name} ${widget}: ${value}`);
  };
}

const me = await fetch('/api/me').then((r) => r.json());
console.log(`${client.name}: signed in as ${me.name}`);
