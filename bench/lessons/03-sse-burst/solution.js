setTimeout(() => {
  console.log('burst starts');
  const es = new EventSource('/api/stream?lastEventId=0');
  let n = 0;
  es.onmessage = () => {
    if (++n === 1000) console.log('1000 events');
  };
}, 100_000);
