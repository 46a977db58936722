import { defineChecks, count, formatSeconds, pathOf, queryParam, type RunQuery } from 'wirelab/checks'

/** the connections of the page on another site (scenario crossSitePages) are x1, x2 … */
const isPage = (conn: string) => conn.startsWith('x')
const header = (headers: ReadonlyArray<{ name: string; value: string }>, name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value
const hasSession = (headers: ReadonlyArray<{ name: string; value: string }>) => /(^|;\s*)sid=/.test(header(headers, 'cookie') ?? '')

/** your page's requests to a path, with their answers (a response, or nothing when none came) */
function yours(run: RunQuery, path: string, api: 'EventSource' | 'WebSocket') {
  return run
    .requests()
    .filter((r) => !isPage(r.conn) && r.api === api && pathOf(r.target) === path)
    .map((request) => {
      const answer = run.answerTo(request)
      return { request, status: answer?.kind === 'http.response' ? answer.status : null }
    })
}

/** how a request proved who is asking */
const proof = (r: { headers: ReadonlyArray<{ name: string; value: string }>; target: string }) =>
  queryParam(r.target, 'token') ? 'the token in its URL' : hasSession(r.headers) ? 'the session cookie' : 'nothing'

export default defineChecks([
  {
    id: 'reads-notifications',
    title: 'Show each notification from the stream, which must know who you are',
    claims: [57],
    undisturbed: true,
    run(run) {
      const streams = yours(run, '/api/notifications', 'EventSource')
      if (streams.length === 0) return { pass: false, message: 'Your code opened no EventSource on /api/notifications.' }
      const open = streams.find((s) => s.status === 200)
      if (!open) {
        const first = streams[0]!
        return {
          pass: false,
          message:
            first.status === 401
              ? `Your EventSource was refused with 401 at ${formatSeconds(first.request.t)}: its request carried neither a session cookie nor a token. An EventSource cannot send headers such as Authorization (its constructor takes only withCredentials): the token has to travel in its URL.`
              : `Your EventSource got no stream (${first.status ?? 'no answer'}).`,
        }
      }
      const conns = new Set(streams.map((s) => s.request.conn))
      const events = run.sseEvents().filter((e) => conns.has(e.conn) && e.dispatches && e.arrives <= run.end.at)
      if (events.length === 0) return { pass: false, message: 'Your stream was open, and no notification reached it before the run ended.' }
      const seqs = new Set(events.map((e) => e.seq))
      const shown = run.uiCalls().filter((c) => c.cause?.kind === 'sse-event' && c.cause.event !== undefined && seqs.has(c.cause.event))
      if (shown.length < events.length)
        return {
          pass: false,
          message: `${count(events.length, 'notification')} reached your code, ${shown.length} shown with the ui helper from the event that brought it: show each in onmessage.`,
        }
      return { pass: true, message: `${count(events.length, 'notification')} shown, on a stream that proved who you are with ${proof(open.request)}.` }
    },
  },
  {
    id: 'reads-private-messages',
    title: 'Show each private message from the frame that brought it',
    undisturbed: true,
    run(run) {
      const sockets = yours(run, '/private', 'WebSocket')
      if (sockets.length === 0) return { pass: false, message: 'Your code opened no WebSocket on /private.' }
      const open = sockets.find((s) => s.status === 101)
      if (!open)
        return {
          pass: false,
          message: `Your WebSocket was refused (${sockets[0]!.status ?? 'no answer'}): its handshake carried neither a session cookie nor a token. The browser's WebSocket cannot send headers either: put the token in its URL.`,
        }
      const frames = run.wsFrames({ from: 'server', opcode: 'text' }).filter((f) => f.conn === open.request.conn && f.arrives <= run.end.at)
      if (frames.length === 0) return { pass: false, message: 'Your socket was open, and no private message reached it before the run ended.' }
      const seqs = new Set(frames.map((f) => f.seq))
      const shown = run
        .uiCalls()
        .filter((c) => c.operation.op === 'chat' && c.cause?.kind === 'ws-event' && c.cause.event !== undefined && seqs.has(c.cause.event))
      if (shown.length < frames.length)
        return {
          pass: false,
          message: `${count(frames.length, 'private message')} reached your socket, ${shown.length} shown with ui.chat from the frame that brought it: show each in ws.onmessage.`,
        }
      return { pass: true, message: `${count(frames.length, 'private message')} shown, on a socket that proved who you are with ${proof(open.request)}.` }
    },
  },
  {
    id: 'no-session-cookie',
    title: 'Prove who you are with a token your page sends, not a cookie the browser adds',
    claims: [60],
    undisturbed: true,
    run(run) {
      const withCookie = run.requests().find((r) => !isPage(r.conn) && hasSession(r.headers))
      if (withCookie)
        return {
          pass: false,
          message: `From ${formatSeconds(withCookie.t)} on, your page's requests carried the session cookie (the Cookie header of ${withCookie.conn}): the browser adds it to every request to this site, from any page. Log in for a token instead and send it yourself.`,
        }
      const unproven = [...yours(run, '/api/notifications', 'EventSource'), ...yours(run, '/private', 'WebSocket')].find(
        (s) => !queryParam(s.request.target, 'token'),
      )
      if (unproven) return { pass: false, message: `${unproven.request.conn} (${pathOf(unproven.request.target)}) carried no token in its URL.` }
      if (yours(run, '/private', 'WebSocket').length === 0) return { pass: false, message: 'Your code opened no WebSocket on /private.' }
      return { pass: true, message: 'No request of yours carried a session cookie; the stream and the socket each carried the token in their URL.' }
    },
  },
  {
    id: 'hijack-refused',
    title: 'The page on evil.example gets none of your private messages',
    claims: [58, 59],
    undisturbed: true,
    run(run) {
      const handshake = run.requests().find((r) => isPage(r.conn) && r.api === 'WebSocket')
      if (!handshake) return { pass: false, message: 'The page of the other site never got to send its handshake (at 2.5 s).' }
      const answer = run.answerTo(handshake)
      const frames = run.wsFrames({ from: 'server', opcode: 'text' }).filter((f) => f.conn === handshake.conn && f.arrives <= run.end.at)
      const origin = header(handshake.headers, 'origin') ?? 'another site'
      const when = `The page on ${origin} opened a WebSocket to /private at ${formatSeconds(handshake.t)}`
      if (hasSession(handshake.headers) && answer?.kind === 'http.response' && answer.status === 101)
        return {
          pass: false,
          message: `${when}. Its handshake carried your session cookie (click ${handshake.conn}: the browser adds the cookie to any request to this site, and it is SameSite=None), the server checked no Origin and accepted it${frames.length ? `: it read ${count(frames.length, 'private message')} of yours` : ''}.`,
        }
      if (frames.length > 0) return { pass: false, message: `${when} and received ${count(frames.length, 'private message')}.` }
      return { pass: true, message: `${when}: there was no session cookie for it to carry, and the server refused it. It read nothing.` }
    },
  },
])
