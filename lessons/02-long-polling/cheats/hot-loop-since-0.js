// cheat: a hot loop on the wait endpoint, always since=0, plus hard-coded lines
// fails: uses-long-polling /asked again for messages your code already had/
// fails: every-message-once /by your code's top level: it did not come from an answer/
console.log('Ada: Lunch at noon?');
console.log('Grace: The build is green.');
console.log('Ada: Bring the slides.');
console.log('Linus: Merged, thanks!');
while (true) await fetch('/api/messages/wait?since=0');
