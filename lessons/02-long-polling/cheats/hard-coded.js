// cheat: hard-coded output, no network
// fails: every-message-once /by your code's top level: it did not come from an answer/
// fails: uses-long-polling /No request reached the inbox/
console.log('Ada: Lunch at noon?');
console.log('Grace: The build is green.');
console.log('Ada: Bring the slides.');
console.log('Linus: Merged, thanks!');
