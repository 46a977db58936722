// WebSocket constants the views need too, kept apart from the codec so that showing them does not
// load SHA-1 on the lesson page.

/** RFC 6455 §1.3: the GUID a server appends to the client's key before hashing */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

export const CLOSE_CODE_MEANING: Record<number, string> = {
  1000: 'normal closure',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status received (never sent in a frame)',
  1006: 'abnormal closure: the connection was lost without a close frame (never sent in a frame)',
  1007: 'invalid payload data',
  1008: 'policy violation',
  1009: 'message too big',
  1011: 'internal error',
  1015: 'TLS handshake failure (never sent in a frame)',
}
