const es = new EventSource('/api/stream');

es.onmessage = (e) => {
  const score = JSON.parse(e.data);
  console.log(`#${e.lastEventId} minute ${score.minute}: ${score.home}-${score.away}`);
};

es.onerror = () => {
  if (es.readyState === EventSource.CLOSED) console.log('Full time');
  else console.log('Reconnecting…');
};
