// cheat: no reconnection: the chat's WebSocket is not opened again after the drop
// fails: chat-over-websocket /a WebSocket does not come back by itself/
let last = 0;
async function checkInbox(): Promise<void> {
  const inbox: InboxAnswer = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
  last = inbox.last;
}
checkInbox();
setInterval(checkInbox, 30_000);

const scores = new EventSource('/api/stream');
scores.onmessage = (e: MessageEvent<string>) => {
  const score: ScoreUpdate = JSON.parse(e.data);
  console.log(`score ${score.home}-${score.away}`);
};

const chat = new WebSocket('/chat');
chat.onopen = () => chat.send('Hello!');
chat.onmessage = (e: MessageEvent<string>) => {
  const message: ChatMessage = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
};
