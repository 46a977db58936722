// The dashboard, as it runs in each tab (client.name says which: "Tab 1" or "Tab 2").
// One stream for all four widgets: each event is named after the widget it updates.
const widgets = ['cpu', 'memory', 'requests', 'errors'];

const es = new EventSource('/api/dashboard');
for (const widget of widgets) {
  es.addEventListener(widget, (e) => {
    const { value } = JSON.parse(e.data);
    console.log(`${client.name} ${widget}: ${value}`);
  });
}

const me = await fetch('/api/me').then((r) => r.json());
console.log(`${client.name}: signed in as ${me.name}`);
