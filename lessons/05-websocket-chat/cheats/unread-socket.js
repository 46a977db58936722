// cheat: the socket is opened and greets, but no frame is ever read; the lines come from timers
// fails: logs-chat /by a timer: it did not come from the frame that carried it/
const ws = new WebSocket('/chat');
ws.onopen = () => ws.send('Hi all!');
setTimeout(() => console.log('c1: Hi all!'), 200);
setTimeout(() => console.log('Bob: Anyone up for lunch?'), 1550);
setTimeout(() => console.log('Bob: Noon, then.'), 4050);
setTimeout(() => ws.close(1000, 'bye'), 4050);
