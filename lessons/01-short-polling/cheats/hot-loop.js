// cheat: a loop that asks again the moment each answer arrives, instead of a timer
// fails: polls-every-second /a loop of requests, not a timer/
let last = 0;
while (true) {
  const body = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of body.messages) console.log(`${message.from}: ${message.text}`);
  last = body.last;
}
