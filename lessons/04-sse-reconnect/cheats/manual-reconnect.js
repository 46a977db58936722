// cheat: the wrong technique: closes the EventSource on every error and opens a new one itself
// fails: reconnected-with-last-event-id /opened a new one itself/
// fails: tells-reconnecting-from-closed /did not reconnect after it/
let last = '';
function connect() {
  const es = new EventSource(`/api/stream?lastEventId=${last}`);
  es.onmessage = (e) => {
    last = e.lastEventId;
    const score = JSON.parse(e.data);
    console.log(`#${e.lastEventId} minute ${score.minute}: ${score.home}-${score.away}`);
  };
  es.onerror = () => {
    es.close();
    console.log('Reconnecting…');
    setTimeout(connect, 2000);
  };
}
connect();
