// cheat: each line is logged by a timer at the moment its event would arrive; closed by a timer too
// fails: named-events-by-type /by a timer/
// fails: log-lines-one-by-one /by a timer/
const es = new EventSource('/api/build');
const lines = [
  [550, 'stage: install'],
  [1050, 'log: npm ci'],
  [1050, 'log: added 371 packages in 12s'],
  [1550, 'progress 25%'],
  [6550, 'done: success'],
];
for (const [at, line] of lines) setTimeout(() => console.log(line), at);
setTimeout(() => es.close(), 6600);
