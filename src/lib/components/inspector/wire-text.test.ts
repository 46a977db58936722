// The inspector's texts, against WHATWG HTML §9.2.6 (event streams) and RFC 6455 (the handshake).
import { describe, expect, it } from 'vitest'
import { acceptSteps, connectionNote, eventStreamRefusal, explainSse, headNote, plainText } from './wire-text.ts'
import type { HttpRequestEvent, HttpResponseEvent } from '../../sim/trace.ts'
import { closeCodeMeaning } from '../../sim/websocket-constants.ts'

const meanings = (wire: string) => explainSse(wire).map((l) => `${l.raw || '(blank)'} → ${l.meaning}`)

describe('explaining an event-stream block', () => {
  it('a block with data: the blank line dispatches a "message" event, which onmessage receives', () => {
    expect(meanings('id: 3\ndata: {"home":1}\n\n')).toEqual([
      'id: 3 → sets the last event id to "3"; when the browser reconnects it sends it back as Last-Event-ID',
      'data: {"home":1} → one line of the payload; several data lines are joined with "\\n"',
      '(blank) → blank line: ends the block, which had data: the browser dispatches a "message" event now (onmessage receives it).',
    ])
  })

  it('a retry-only block (the start of lesson 04’s stream) dispatches nothing', () => {
    expect(meanings('retry: 2000\n\n')).toEqual([
      'retry: 2000 → sets the reconnection time to 2000 ms: how long the browser waits before reconnecting',
      '(blank) → blank line: ends the block. It had no data line, so the browser dispatches no event.',
    ])
  })

  it('a comment-only block dispatches nothing; an id-only block still sets the last event id', () => {
    expect(meanings(': heartbeat\n\n').at(-1)).toBe('(blank) → blank line: ends the block. It had no data line, so the browser dispatches no event.')
    expect(meanings('id: 9\n\n').at(-1)).toBe(
      '(blank) → blank line: ends the block. It had no data line, so the browser dispatches no event (its id still becomes the last event id).',
    )
  })

  it('an empty id resets the last event id, and then no Last-Event-ID is sent', () => {
    expect(meanings('id:\ndata: x\n\n')[0]).toBe('id: → an empty id resets the last event id: a reconnection after this sends no Last-Event-ID header')
    expect(meanings('id\ndata: x\n\n')[0]).toContain('an empty id resets the last event id')
  })

  it('a named event is not for onmessage', () => {
    expect(meanings('event: goal\ndata: 1\n\n')).toEqual([
      'event: goal → names the event type "goal": only addEventListener("goal", …) receives it, not onmessage',
      'data: 1 → one line of the payload; several data lines are joined with "\\n"',
      '(blank) → blank line: ends the block, which had data: the browser dispatches a "goal" event now. Only addEventListener("goal", …) receives it, not onmessage.',
    ])
  })

  it('says why a known field is ignored, rather than calling it unknown', () => {
    expect(meanings('retry: 12a\n\n')[0]).toBe('retry: 12a → ignored: a retry value must be ASCII digits only')
    expect(meanings('id: a\0b\n\n')[0]).toBe('id: a\0b → ignored: an id containing U+0000 NULL is not used')
    expect(meanings('colour: red\n\n')[0]).toBe('colour: red → ignored: "colour" is not a field browsers know')
  })
})

const request = (over: Partial<HttpRequestEvent>): HttpRequestEvent => ({
  kind: 'http.request',
  seq: 1,
  t: 0,
  arrives: 50,
  conn: 'c2',
  from: 'client',
  to: 'server',
  bytes: 0,
  method: 'GET',
  target: '/api/messages?since=0',
  headers: [
    { name: 'Host', value: 'localhost', source: 'modelled' },
    { name: 'Accept', value: '*/*', source: 'observed' },
  ],
  wire: '',
  api: 'fetch',
  ...over,
})

const response = (over: Partial<HttpResponseEvent>): HttpResponseEvent => ({
  kind: 'http.response',
  seq: 2,
  t: 50,
  arrives: 100,
  conn: 'c1',
  from: 'server',
  to: 'client',
  bytes: 0,
  status: 200,
  reason: 'OK',
  headers: [{ name: 'Date', value: 'x', source: 'observed' }],
  wire: '',
  streaming: false,
  ...over,
})

describe('notes under an HTTP head', () => {
  it('a request: the modelled Host is sent by the browser but hidden from service workers', () => {
    expect(headNote(request({}))).toBe(
      'Modelled: Host — browsers send this header on the real wire, but hide it from service workers, so Wirelab shows what would be sent rather than what was seen. The other headers were observed.',
    )
  })

  it("the 101's headers are sent by the server, not by browsers", () => {
    const switching = response({
      status: 101,
      reason: 'Switching Protocols',
      headers: ['Date', 'Upgrade', 'Connection', 'Sec-WebSocket-Accept'].map((name) => ({ name, value: 'x', source: 'modelled' as const })),
    })
    const note = headNote(switching)!
    expect(note).toMatch(/^The server sends this head on the real wire\./)
    expect(note).toContain('the 101 with Upgrade, Connection and Sec-WebSocket-Accept')
    expect(note).not.toMatch(/browsers send/i)
  })

  it("a Cookie header is the simulated browser's, and a Set-Cookie reaches only the simulated browser", () => {
    const withCookie = request({
      headers: [
        { name: 'Host', value: 'localhost', source: 'modelled' },
        { name: 'Cookie', value: 'sid=1', source: 'modelled' },
      ],
    })
    expect(headNote(withCookie)).toBe(
      'Modelled: Host, Cookie — browsers send these headers on the real wire, but hide them from service workers, so Wirelab shows what would be sent rather than what was seen. The other headers were observed. ' +
        "Cookie: the simulated browser's cookies for this site (the lesson's and what the server set), in RFC 6265 §5.4's order; a page of another site sends only SameSite=None ones. Your real browser sends none of them.",
    )
    const setting = response({ headers: [{ name: 'Set-Cookie', value: 'sid=1; Secure; SameSite=None', source: 'observed' }] })
    expect(headNote(setting)).toMatch(/^Set-Cookie: the simulated browser keeps this cookie once the answer arrives .* cannot set cookies\.$/)
  })

  it('an observed response needs no note', () => {
    expect(headNote(response({}))).toBeNull()
  })

  it('a fetch is shown as its own exchange, though browsers usually reuse the kept-alive connection', () => {
    expect(connectionNote(request({}))).toBe(
      'Wirelab shows each request as its own exchange, with its own id (c2). A browser usually sends the next request on the same kept-alive TCP connection (HTTP/1.1 persistent connections), so a poll costs a whole request and response, not a new connection.',
    )
    expect(connectionNote(request({ api: 'EventSource' }))).toBeNull()
  })
})

describe('the Sec-WebSocket-Accept derivation', () => {
  it('shows the key, the key with the GUID, and the accept value (the RFC 6455 §1.3 example)', () => {
    const steps = acceptSteps('dGhlIHNhbXBsZSBub25jZQ==', 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=').map(plainText)
    expect(steps).toEqual([
      "Take the client's Sec-WebSocket-Key from the request: dGhlIHNhbXBsZSBub25jZQ==.",
      'Append the fixed GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11: dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11.',
      'Hash the result with SHA-1 (20 bytes).',
      'Encode the hash in base64: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=. The browser computes the same value and checks it, proving the server understood the WebSocket handshake.',
    ])
  })
})

describe('close codes', () => {
  it('names the codes of RFC 6455 and the IANA registry, and the ranges', () => {
    expect(closeCodeMeaning(1000)).toBe('normal closure')
    expect(closeCodeMeaning(1005)).toMatch(/^no status received/)
    expect(closeCodeMeaning(1010)).toMatch(/^mandatory extension/)
    expect([1012, 1013, 1014].map(closeCodeMeaning)).toEqual([
      'service restart',
      'try again later (the server is overloaded)',
      'bad gateway: a gateway or proxy got an invalid answer from the server behind it',
    ])
    expect(closeCodeMeaning(3001)).toBe('registered for libraries and frameworks (IANA)')
    expect(closeCodeMeaning(4000)).toMatch(/^private use/)
    expect(closeCodeMeaning(2000)).toMatch(/^reserved/)
    expect(closeCodeMeaning(999)).toMatch(/^not a valid close code/)
  })
})

describe('an answer an EventSource does not take', () => {
  const es = request({ api: 'EventSource', target: '/api/stream' })
  const typed = (status: number, contentType: string | null) =>
    response({ status, headers: contentType === null ? [] : [{ name: 'content-type', value: contentType, source: 'observed' }] })

  it('says nothing for a 200 event stream, whatever the case and parameters, or for a fetch', () => {
    expect(eventStreamRefusal(typed(200, 'Text/Event-Stream; charset=utf-8'), es)).toBeNull()
    expect(eventStreamRefusal(typed(500, 'text/plain'), request({}))).toBeNull()
    expect(eventStreamRefusal(typed(500, 'text/plain'), undefined)).toBeNull()
  })

  it('names what is wrong: the status, a missing or other type, a type that only starts the same', () => {
    const why = (status: number, contentType: string | null) => /; (.*)\. So the browser/.exec(eventStreamRefusal(typed(status, contentType), es) ?? '')?.[1]
    expect(why(204, null)).toBe('its status is 204, not 200')
    expect(why(503, 'text/event-stream')).toBe('its status is 503, not 200')
    expect(why(200, null)).toBe('it has no Content-Type')
    expect(why(200, 'text/event-streamx')).toBe('its Content-Type is text/event-streamx, not text/event-stream (only parameters and letter case may differ)')
    expect(why(200, 'event-stream')).toBe('its Content-Type "event-stream" is not a MIME type')
    expect(eventStreamRefusal(typed(200, 'application/json'), es)).toBe(
      'An EventSource takes a response as its stream only if it is 200 with the MIME type text/event-stream; its Content-Type is application/json, not text/event-stream (only parameters and letter case may differ). ' +
        'So the browser fails the EventSource for good: it fires error, readyState becomes CLOSED (2), and it does not reconnect (WHATWG HTML §9.2.3).',
    )
  })
})
