const ws = new WebSocket('/chat');

ws.onopen = () => ws.send('Hi all!');

ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  console.log(`${message.from}: ${message.text}`);
  if (message.text === 'Noon, then.') ws.close(1000, 'bye');
};

ws.onclose = (e) => console.log(`closed ${e.code} clean=${e.wasClean}`);
