const es = new EventSource('/api/match')

// This only hears events without an `event:` field (type "message").
es.onmessage = (e) => {
  console.log('message', e.data)
}

// TODO: listen for the "goal" and "card" events and log them.
