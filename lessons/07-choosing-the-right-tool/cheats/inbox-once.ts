// cheat: the inbox is checked once at the start and never again; the later mail is logged by timers
// fails: inbox-every-30s /stopped asking after 0\.000 s/
const inbox: InboxAnswer = await (await fetch('/api/messages?since=0')).json();
for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
setTimeout(() => console.log("Ann: Minutes from today's meeting"), 30_100);
setTimeout(() => console.log('Ben: Lunch on Friday?'), 60_100);

const scores = new EventSource('/api/stream');
scores.onmessage = (e: MessageEvent<string>) => {
  const score: ScoreUpdate = JSON.parse(e.data);
  console.log(`score ${score.home}-${score.away}`);
  ui.scoreboard({ home: 'Lions', away: 'Tigers', homeScore: score.home, awayScore: score.away, detail: `minute ${score.minute}` });
};

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
