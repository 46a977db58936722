// cheat: the wrong technique: long polling where the lesson asks for short polling
// fails: polls-every-second /that is long polling/
let last = 0;
while (true) {
  const res = await fetch(`/api/messages/wait?since=${last}`);
  if (res.status === 204) continue;
  const body = await res.json();
  for (const message of body.messages) console.log(`${message.from}: ${message.text}`);
  last = body.last;
}
