// Alice's private messages. She logs in either way a real API offers: POST /api/session answers with a
// session cookie (the browser then sends it with every request to this site, from any page), POST
// /api/token with a token the page must send itself. Notifications come on an event stream, private
// messages on a WebSocket; both accept the cookie or ?token=.
//
// The WebSocket endpoint checks who the user is, but not which page is asking: it never looks at
// Origin. That is the hole a page of another site (scenario crossSitePages) uses.
import { defineServer, type LessonRequest, type EventStream, type LessonSocket } from 'wirelab/server'

interface PrivateOptions {
  /** when each private message and its notification arrive */
  messages: Array<{ atMs: number; from: string; text: string }>
}

export default defineServer<PrivateOptions>({
  endpoints: [
    'POST /api/session {"user","password"} (sets a session cookie)',
    'POST /api/token {"user","password"} (answers {"token"})',
    'GET /api/notifications (text/event-stream; cookie or ?token=)',
    'WebSocket /private (cookie or ?token=)',
  ],
  world(world) {
    for (const message of world.options.messages) world.at(message.atMs, () => world.emit('message', message))
  },
  setup(server) {
    const sessions = new Set<string>()
    const tokens = new Set<string>()
    const streams = new Set<EventStream>()
    const sockets = new Set<LessonSocket>()
    server.forgets('every session and token')
    const id = (prefix: string) => `${prefix}${Math.floor(server.random() * 36 ** 8).toString(36)}`

    /** who is asking: by the session cookie, or by the token in the URL; null when neither is valid */
    function user(request: LessonRequest): 'alice' | null {
      const sid = request.cookies.sid
      if (sid && sessions.has(sid)) return 'alice'
      const token = request.query.token
      return token && tokens.has(token) ? 'alice' : null
    }
    const how = (request: LessonRequest) => (request.cookies.sid && sessions.has(request.cookies.sid) ? 'the session cookie' : 'the token in the URL')

    function login(request: LessonRequest): boolean {
      try {
        const body = request.json() as { user?: unknown; password?: unknown }
        return body.user === 'alice' && body.password === 'wonderland'
      } catch {
        return false
      }
    }
    const refused = { error: 'Wrong user or password: {"user":"alice","password":"wonderland"} as JSON' }

    server.post('/api/session', (req, res) => {
      if (!login(req)) return res.json(refused, { status: 401 })
      const sid = id('s-')
      sessions.add(sid)
      res.json({ user: 'alice' }, { headers: { 'Set-Cookie': `sid=${sid}; Path=/; Secure; HttpOnly; SameSite=None` } })
    })
    server.post('/api/token', (req, res) => {
      if (!login(req)) return res.json(refused, { status: 401 })
      const token = id('t-')
      tokens.add(token)
      res.json({ token })
    })

    server.get('/api/notifications', (req, res) => {
      if (!user(req))
        return res.json(
          { error: 'Log in first: a session cookie, or ?token= from POST /api/token (an EventSource cannot send an Authorization header)' },
          { status: 401 },
        )
      server.log(`Notifications for alice, who proved it with ${how(req)}`)
      const stream = res.stream()
      streams.add(stream)
      stream.onClose(() => streams.delete(stream))
    })

    server.socket('/private', {
      accept(req) {
        if (!user(req)) {
          server.log(`Handshake from ${req.header('origin') ?? 'no origin'} without a session cookie or token: refused`)
          return { refuse: 401 }
        }
        // the hole: who the user is was checked, which page is asking (Origin) was not
        server.log(`Handshake from ${req.header('origin') ?? 'no origin'} for alice (by ${how(req)}): accepted, without looking at Origin`)
        return true
      },
      open(socket) {
        sockets.add(socket)
      },
      close(socket) {
        sockets.delete(socket)
      },
    })

    server.on('message', (payload) => {
      const { from, text } = payload as { from: string; text: string }
      for (const stream of streams) stream.send({ data: { text: `${from} sent you a private message` } })
      for (const socket of sockets) if (socket.open) socket.send({ from, text })
    })
  },
})
