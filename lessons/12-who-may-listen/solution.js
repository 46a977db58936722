const login = { user: 'alice', password: 'wonderland' };

// Log in for a token: the page keeps it, and the browser never sends it by itself.
const res = await fetch('/api/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) });
const { token } = await res.json();
const auth = `token=${encodeURIComponent(token)}`;

// An EventSource cannot send headers (no Authorization): the token goes in the URL.
const notifications = new EventSource(`/api/notifications?${auth}`);
notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`);

// Neither can the browser's WebSocket: the URL again.
const ws = new WebSocket(`/private?${auth}`);
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  ui.chat({ from: message.from, text: message.text });
};
