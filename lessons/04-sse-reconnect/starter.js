const es = new EventSource('/api/stream');

es.onmessage = (e) => {
  const score = JSON.parse(e.data);
  console.log(`#${e.lastEventId} minute ${score.minute}: ${score.home}-${score.away}`);
};

// TODO: an error does not always mean the end. Let EventSource reconnect:
// log "Reconnecting…" while es.readyState is EventSource.CONNECTING,
// and "Full time" when it is EventSource.CLOSED.
es.onerror = () => {
  console.log('Connection problem, giving up');
  es.close();
};
