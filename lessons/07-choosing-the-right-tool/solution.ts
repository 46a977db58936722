// Inbox: short polling every 30 s is plenty.
let last = 0;
async function checkInbox(): Promise<void> {
  const inbox: InboxAnswer = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
  last = inbox.last;
}
checkInbox();
setInterval(checkInbox, 30_000);

// Score: the server pushes, we only listen.
const scores = new EventSource('/api/stream');
scores.onmessage = (e: MessageEvent<string>) => {
  const score: ScoreUpdate = JSON.parse(e.data);
  console.log(`score ${score.home}-${score.away}`);
  ui.scoreboard({ home: 'Lions', away: 'Tigers', homeScore: score.home, awayScore: score.away, detail: `minute ${score.minute}` });
};

// Chat: both ways. A WebSocket does not come back by itself: reconnect when it closes.
function connectChat(): void {
  const chat = new WebSocket('/chat');
  chat.onopen = () => chat.send('Hello!');
  chat.onmessage = (e: MessageEvent<string>) => {
    const message: ChatMessage = JSON.parse(e.data);
    console.log(`${message.from}: ${message.text}`);
    ui.chat(message);
  };
  chat.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();
