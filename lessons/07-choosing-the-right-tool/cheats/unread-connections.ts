// cheat: every connection is opened, none is read; the lines come from timers
// fails: inbox-every-30s /by a timer: it did not come from an answer/
// fails: score-over-sse /by a timer, not in onmessage while handling an event/
// fails: chat-over-websocket /by a timer: it did not come from the frame that carried it/
setInterval(() => fetch('/api/messages?since=0'), 30_000);
fetch('/api/messages?since=0');
new EventSource('/api/stream');
function connectChat(): void {
  const chat = new WebSocket('/chat');
  chat.onopen = () => chat.send('Hello!');
  chat.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();
const lines: Array<[number, string]> = [
  [200, 'c3: Hello!'],
  [4050, "Cleo: Who's watching the match?"],
  [5050, 'score 1-0'],
  [21250, 'c4: Hello!'],
  [30100, "Ann: Minutes from today's meeting"],
  [33050, 'Cleo: What a goal!'],
  [60100, 'Ben: Lunch on Friday?'],
];
for (const [at, line] of lines) setTimeout(() => console.log(line), at);
