// cheat: polls every second but never reads an answer; the lines come from timers
// fails: every-message-once /by a timer: it did not come from an answer/
// fails: asks-since-last /asked again for messages your code already had/
setInterval(() => fetch('/api/messages?since=0'), 1000);
setTimeout(() => console.log('Ada: Lunch at noon?'), 2100);
setTimeout(() => console.log('Grace: The build is green.'), 4100);
setTimeout(() => console.log('Ada: Bring the slides.'), 4100);
setTimeout(() => console.log('Linus: Merged, thanks!'), 7100);
