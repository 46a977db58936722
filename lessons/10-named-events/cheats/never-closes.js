// cheat: almost right: every event handled, but the EventSource is left open after done
// fails: closes-when-done /Call es.close\(\) in the `done` listener/
const es = new EventSource('/api/build');
es.onmessage = (e) => console.log(`progress ${JSON.parse(e.data).percent}%`);
es.addEventListener('stage', (e) => console.log(`stage: ${JSON.parse(e.data).name}`));
es.addEventListener('log', (e) => e.data.split('\n').forEach((line) => console.log(`log: ${line}`)));
es.addEventListener('done', (e) => console.log(`done: ${JSON.parse(e.data).result}`));
