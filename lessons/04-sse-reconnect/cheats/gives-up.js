// cheat: no reconnection: closes on the first error, and writes the missing lines itself
// fails: reconnected-with-last-event-id /your code closed the EventSource/
// fails: every-update-once /by a timer, not in onmessage/
const es = new EventSource('/api/stream');
es.onmessage = (e) => {
  const score = JSON.parse(e.data);
  console.log(`#${e.lastEventId} minute ${score.minute}: ${score.home}-${score.away}`);
};
es.onerror = () => {
  es.close();
  console.log('Reconnecting…');
  setTimeout(() => console.log('#4 minute 8: 0-0'), 2100);
};
