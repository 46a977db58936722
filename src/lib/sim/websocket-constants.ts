// WebSocket constants the views need too, kept apart from the codec so that showing them does not
// load SHA-1 on the lesson page.

/** RFC 6455 §1.3: the GUID a server appends to the client's key before hashing */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

/** RFC 6455 §7.4.1 and the IANA "WebSocket Close Code Number Registry" (1012–1014) */
export const CLOSE_CODE_MEANING: Record<number, string> = {
  1000: 'normal closure',
  1001: 'going away (a server shutting down, a page navigated away)',
  1002: 'protocol error',
  1003: 'unsupported data (e.g. binary to an endpoint that takes only text)',
  1005: 'no status received: the close frame carried no code (never sent in a frame)',
  1006: 'abnormal closure: the connection was lost without a close frame (never sent in a frame)',
  1007: 'invalid payload data (e.g. text that is not UTF-8)',
  1008: 'policy violation',
  1009: 'message too big',
  1010: 'mandatory extension: the client needed an extension the server did not agree to',
  1011: 'internal error: the server met a condition it could not handle',
  1012: 'service restart',
  1013: 'try again later (the server is overloaded)',
  1014: 'bad gateway: a gateway or proxy got an invalid answer from the server behind it',
  1015: 'TLS handshake failure (never sent in a frame)',
}

/** what a close code means, including the ranges RFC 6455 §7.4.2 reserves */
export function closeCodeMeaning(code: number): string {
  const known = CLOSE_CODE_MEANING[code]
  if (known) return known
  if (code >= 3000 && code <= 3999) return 'registered for libraries and frameworks (IANA)'
  if (code >= 4000 && code <= 4999) return "private use: its meaning is agreed between the application's client and server"
  if (code >= 1000 && code <= 2999) return 'reserved for the protocol and its extensions (not assigned)'
  return 'not a valid close code (valid: 1000–4999)'
}
