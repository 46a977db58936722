// cheat: the wrong technique: on every error, close and open a new EventSource (no Last-Event-ID)
// fails: every-event-once /a new EventSource starts without Last-Event-ID/
function open() {
  const es = new EventSource('/api/build');
  es.onmessage = (e) => console.log(`progress ${JSON.parse(e.data).percent}%`);
  es.addEventListener('stage', (e) => console.log(`stage: ${JSON.parse(e.data).name}`));
  es.addEventListener('log', (e) => e.data.split('\n').forEach((line) => console.log(`log: ${line}`)));
  es.addEventListener('done', (e) => {
    console.log(`done: ${JSON.parse(e.data).result}`);
    es.close();
  });
  es.onerror = () => {
    es.close();
    setTimeout(open, 1000);
  };
}
open();
