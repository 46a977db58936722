// cheat: hard-coded output, no network
// fails: every-message-once /by your code's top level: it did not come from an answer/
// fails: polls-every-second /sent 0 requests/
console.log('Ada: Lunch at noon?');
console.log('Grace: The build is green.');
console.log('Ada: Bring the slides.');
console.log('Linus: Merged, thanks!');
