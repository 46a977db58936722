// cheat: the wrong technique: the score is polled with fetch instead of pushed over SSE
// fails: score-over-sse /polled .* with fetch/
let last = 0;
async function checkInbox(): Promise<void> {
  const inbox: InboxAnswer = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
  last = inbox.last;
}
checkInbox();
setInterval(checkInbox, 30_000);

setInterval(async () => {
  const score: ScoreUpdate = await (await fetch('/api/score')).json();
  console.log(`score ${score.home}-${score.away}`);
}, 5000);

function connectChat(): void {
  const chat = new WebSocket('/chat');
  chat.onopen = () => chat.send('Hello!');
  chat.onmessage = (e: MessageEvent<string>) => {
    const message: ChatMessage = JSON.parse(e.data);
    console.log(`${message.from}: ${message.text}`);
  };
  chat.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();
