// cheat: the stream is opened but never read; each line is logged by a timer at the moment it would arrive
// fails: every-update-once /by a timer, not in onmessage/
// fails: tells-reconnecting-from-closed /by a timer, not in the EventSource's error handler/
new EventSource('/api/stream');
const lines = [
  [1050, '#1 minute 2: 0-0'],
  [2050, '#2 minute 4: 0-0'],
  [3050, '#3 minute 7: 0-0'],
  [3550, 'Reconnecting…'],
  [5650, '#4 minute 8: 0-0'],
  [5650, '#5 minute 10: 0-0'],
  [6050, '#6 minute 12: 0-0'],
  [7050, '#7 minute 14: 0-0'],
  [8050, '#8 minute 17: 1-0'],
  [8050, 'Reconnecting…'],
  [10150, 'Full time'],
];
for (const [at, line] of lines) setTimeout(() => console.log(line), at);
