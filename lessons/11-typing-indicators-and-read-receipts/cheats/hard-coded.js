// cheat: hard-coded output, no network
// fails: speaks-chat-v2 /No WebSocket was opened/
// fails: shows-typing-and-receipts /No typing event reached your code/
setTimeout(() => ui.list(['Bob is typing…']), 500);
setTimeout(() => {
  ui.list([]);
  ui.chat({ from: 'Bob', text: 'Are you coming to lunch?' });
}, 2050);
setTimeout(() => ui.chat({ from: 'You', text: 'On my way, five minutes!' }), 6500);
setTimeout(() => ui.list(['✓ Bob read your message #2']), 7200);
