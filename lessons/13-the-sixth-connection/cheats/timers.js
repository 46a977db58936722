// cheat: one stream, and the widgets "updated" every second by a timer with made-up values
// fails: every-widget-updates /by a timer/
new EventSource('/api/dashboard');
const widgets = ['cpu', 'memory', 'requests', 'errors'];
setInterval(() => {
  for (const widget of widgets) console.log(`${client.name} ${widget}: ${Math.round(Math.random() * 100)}`);
}, 1000);
const me = await fetch('/api/me').then((r) => r.json());
console.log(`${client.name}: signed in as ${me.name}`);
