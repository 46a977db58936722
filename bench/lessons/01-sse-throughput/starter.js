const es = new EventSource('/api/stream');
let n = 0;
es.onmessage = () => {
  if (++n === 1000) console.log('1000 events');
};
