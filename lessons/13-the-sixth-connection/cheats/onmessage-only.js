// cheat: almost right: one stream per tab, but read with onmessage, which never gets named events
// fails: every-widget-updates /addEventListener/
const es = new EventSource('/api/dashboard');
es.onmessage = (e) => {
  const { widget, value } = JSON.parse(e.data);
  console.log(`${client.name} ${widget}: ${value}`);
};
const me = await fetch('/api/me').then((r) => r.json());
console.log(`${client.name}: signed in as ${me.name}`);
