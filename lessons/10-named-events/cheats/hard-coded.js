// cheat: the stream is opened but never read; every line is logged at 0 ms
// fails: named-events-by-type /not by a listener while handling that event/
// fails: log-lines-one-by-one /not by a listener while handling that event/
new EventSource('/api/build');
console.log('stage: install');
console.log('log: npm ci');
console.log('log: added 371 packages in 12s');
console.log('progress 25%');
console.log('stage: test');
console.log('done: success');
