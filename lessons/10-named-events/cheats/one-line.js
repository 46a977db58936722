// cheat: almost right: a listener for each type, but a log event's lines logged as one
// fails: log-lines-one-by-one /logged them as one line/
const es = new EventSource('/api/build');
es.onmessage = (e) => console.log(`progress ${JSON.parse(e.data).percent}%`);
es.addEventListener('stage', (e) => console.log(`stage: ${JSON.parse(e.data).name}`));
es.addEventListener('log', (e) => console.log(`log: ${e.data}`));
es.addEventListener('done', (e) => {
  console.log(`done: ${JSON.parse(e.data).result}`);
  es.close();
});
