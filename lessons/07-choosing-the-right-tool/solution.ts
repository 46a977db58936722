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

// Chat: both ways. A WebSocket does not come back by itself: reconnect when it closes, after a random
// wait that doubles with every failed attempt (backoff with full jitter), so that a server restart is
// not met by every client at the same instant.
let chatFailures = 0;
function connectChat(): void {
  const chat = new WebSocket('/chat');
  chat.onopen = () => {
    chatFailures = 0;
    chat.send('Hello!');
  };
  chat.onmessage = (e: MessageEvent<string>) => {
    const message: ChatMessage = JSON.parse(e.data);
    console.log(`${message.from}: ${message.text}`);
    ui.chat(message);
  };
  chat.onclose = () => {
    const ceiling = Math.min(10_000, 1000 * 2 ** chatFailures);
    chatFailures++;
    setTimeout(connectChat, Math.random() * ceiling);
  };
}
connectChat();
