const es = new EventSource('/api/build');

// unnamed events: the progress
es.onmessage = (e) => {
  const { percent } = JSON.parse(e.data);
  console.log(`progress ${percent}%`);
};

// named events: one listener per event type
es.addEventListener('stage', (e) => {
  console.log(`stage: ${JSON.parse(e.data).name}`);
});

es.addEventListener('log', (e) => {
  // several data: lines arrive as one string, joined with "\n"
  for (const line of e.data.split('\n')) console.log(`log: ${line}`);
});

es.addEventListener('done', (e) => {
  console.log(`done: ${JSON.parse(e.data).result}`);
  es.close(); // the build is over: do not let the browser reconnect
});
