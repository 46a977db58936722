// Everything polled every second: it works, but it costs. Watch the server's counters.
// The message types (InboxAnswer, ScoreUpdate, ChatMessage) are declared for this lesson: hover them.
let last = 0;

setInterval(async () => {
  const inbox: InboxAnswer = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
  last = inbox.last;

  const score: ScoreUpdate = await (await fetch('/api/score')).json();
  console.log(`score ${score.home}-${score.away}`);
}, 1000);
