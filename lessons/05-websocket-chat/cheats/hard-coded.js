// cheat: hard-coded output, no network
// fails: upgraded /No 101 Switching Protocols/
// fails: logs-chat /No chat message reached your code/
console.log('c1: Hi all!');
console.log('Bob: Anyone up for lunch?');
console.log('Bob: Noon, then.');
console.log('closed 1000 clean=true');
