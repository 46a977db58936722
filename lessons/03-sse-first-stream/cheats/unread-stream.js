// cheat: the EventSource is opened but never read; the scores come from a timer
// fails: logs-three-scores /did not come from the stream's events: .* by a timer/
new EventSource('/api/stream');
setInterval(() => console.log({ match: 'Lions vs Tigers', minute: 1, home: 1, away: 0 }), 1000);
