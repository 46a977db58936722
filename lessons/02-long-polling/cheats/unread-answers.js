// cheat: a real long poll that never reads the answers (it guesses the ids); the lines come from timers
// fails: every-message-once /by a timer: it did not come from an answer/
let last = 0;
setTimeout(() => console.log('Ada: Lunch at noon?'), 1250);
setTimeout(() => console.log('Grace: The build is green.'), 3550);
setTimeout(() => console.log('Ada: Bring the slides.'), 3750);
setTimeout(() => console.log('Linus: Merged, thanks!'), 7650);
while (true) {
  const res = await fetch(`/api/messages/wait?since=${last}`);
  if (res.status === 200) last++;
}
