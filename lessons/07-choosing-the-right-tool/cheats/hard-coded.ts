// cheat: hard-coded output on timers, no network at all
// fails: inbox-every-30s /No request to \/api\/messages/
// fails: score-over-sse /No EventSource on \/api\/stream/
// fails: chat-over-websocket /No WebSocket/
const lines: Array<[number, string]> = [
  [4050, "Cleo: Who's watching the match?"],
  [5050, 'score 1-0'],
  [30100, "Ann: Minutes from today's meeting"],
  [33050, 'Cleo: What a goal!'],
  [60100, 'Ben: Lunch on Friday?'],
];
for (const [at, line] of lines) setTimeout(() => console.log(line), at);
