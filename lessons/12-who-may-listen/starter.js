const login = { user: 'alice', password: 'wonderland' };

// Log in. The answer sets a session cookie: from now on the browser sends it with every
// request to this site, by itself.
await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) });

// Notifications: the EventSource's request carries the cookie.
const notifications = new EventSource('/api/notifications');
notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`);

// Private messages: so does the WebSocket handshake.
const ws = new WebSocket('/private');
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  ui.chat({ from: message.from, text: message.text });
};

// TODO: at 2.5 s a page on evil.example, open in another tab, listens in on /private.
// Log in for a token instead (POST /api/token answers {"token": …}), and send it where
// each connection can carry it.
