// cheat: an EventSource with no handlers, and every line logged at 0 ms
// fails: every-update-once /by your code's top level, not in onmessage/
// fails: tells-reconnecting-from-closed /by your code's top level, not in the EventSource's error handler/
new EventSource('/api/stream');
console.log('#1 minute 2: 0-0');
console.log('#2 minute 4: 0-0');
console.log('#3 minute 7: 0-0');
console.log('Reconnecting…');
console.log('#4 minute 8: 0-0');
console.log('#5 minute 10: 0-0');
console.log('#6 minute 12: 0-0');
console.log('#7 minute 14: 0-0');
console.log('#8 minute 17: 1-0');
console.log('Reconnecting…');
console.log('Full time');
