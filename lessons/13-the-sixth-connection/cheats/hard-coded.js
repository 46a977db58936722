// cheat: one stream opened but never read; every line logged at once by the top level
// fails: every-widget-updates /not while handling the event/
// fails: signed-in /not while handling the answer/
new EventSource('/api/dashboard');
for (const widget of ['cpu', 'memory', 'requests', 'errors']) console.log(`${client.name} ${widget}: 42`);
console.log(`${client.name}: signed in as Ada`);
