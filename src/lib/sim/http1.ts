// HTTP/1.1 message framing (RFC 9112), for showing and counting what a request or response would put
// on the wire. Browsers and service workers never show us these bytes, so they are rebuilt here.

export interface Header {
  name: string
  value: string
  /**
   * observed: seen on the intercepted request or sent by our simulated server.
   * modelled: on the real wire, but hidden from service workers (e.g. Host); shown so the message is complete.
   * reconstructed: sent by the browser, stripped before the service worker sees it (Last-Event-ID); its
   *   value is rebuilt from what the connection delivered before.
   */
  source: 'observed' | 'modelled' | 'reconstructed'
}

// RFC 9110 §15's reason phrases (and 429 from RFC 6585): what real servers send after the status code
const REASONS: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? ''
}

const CRLF = '\r\n'

function headerLines(headers: readonly Header[]): string {
  return headers.map((h) => `${h.name}: ${h.value}${CRLF}`).join('')
}

/** request line + header fields + the empty line that ends the head */
export function formatRequestHead(method: string, target: string, headers: readonly Header[]): string {
  return `${method} ${target} HTTP/1.1${CRLF}${headerLines(headers)}${CRLF}`
}

/** status line + header fields + the empty line that ends the head */
export function formatResponseHead(status: number, headers: readonly Header[]): string {
  return `HTTP/1.1 ${status} ${reasonPhrase(status)}${CRLF}${headerLines(headers)}${CRLF}`
}

const encoder = new TextEncoder()

export function utf8Length(text: string): number {
  return encoder.encode(text).length
}

/** the chunk-size line and trailing CRLF that `Transfer-Encoding: chunked` wraps around `size` bytes */
export function chunkFraming(size: number): { prefix: string; suffix: string } {
  return { prefix: `${size.toString(16)}${CRLF}`, suffix: CRLF }
}

/** bytes on the wire for `payload` sent as one chunk of a chunked body */
export function chunkedLength(payload: string): number {
  const size = utf8Length(payload)
  const { prefix, suffix } = chunkFraming(size)
  return prefix.length + size + suffix.length
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** IMF-fixdate (RFC 9110 §5.6.7), e.g. "Thu, 15 Jan 2026 19:30:01 GMT" */
export function httpDate(epochMs: number): string {
  const d = new Date(epochMs)
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
}
