// Which responses an EventSource accepts (WHATWG HTML §9.2.3: anything but a 200 whose Content-Type is
// text/event-stream fails the connection for good). "Is text/event-stream" means the MIME type's
// essence: the header is parsed as WHATWG MIME Sniffing §4.4 "parse a MIME type" and Fetch's "extract
// a MIME type" say, so case and parameters do not matter (`Text/Event-Stream; charset=utf-8` is one)
// and a longer name is another type (`text/event-streamx` is not). Lesson servers may send any header.

/** HTTP whitespace (Fetch): tab, line feed, carriage return, space */
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g
/** HTTP token code points (Fetch / RFC 9110 tchar) */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** "type/subtype" in lower case, or null when `value` is not a MIME type (MIME Sniffing "parse a MIME type") */
export function parseMimeEssence(value: string): string | null {
  const input = value.replace(HTTP_WHITESPACE, '')
  const slash = input.indexOf('/')
  if (slash < 0) return null
  const type = input.slice(0, slash)
  const semicolon = input.indexOf(';', slash + 1)
  const subtype = input.slice(slash + 1, semicolon < 0 ? undefined : semicolon).replace(/[\t\n\r ]+$/, '')
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null
  return `${type}/${subtype}`.toLowerCase()
}

/**
 * The essence of the MIME type a Content-Type header carries (Fetch "extract a MIME type"): the
 * header's values are split on commas outside quoted strings, each is parsed, and the last one that is
 * a MIME type (and not `*\/*`) wins. null when there is none.
 */
export function extractMimeEssence(contentType: string | null | undefined): string | null {
  if (contentType === null || contentType === undefined) return null
  let essence: string | null = null
  for (const value of splitHeaderValues(contentType)) {
    const parsed = parseMimeEssence(value)
    if (parsed !== null && parsed !== '*/*') essence = parsed
  }
  return essence
}

/** Fetch "get, decode, and split": commas inside a quoted string do not split */
function splitHeaderValues(header: string): string[] {
  const values: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!
    if (quoted && c === '\\' && i + 1 < header.length) {
      current += c + header[++i]
      continue
    }
    if (c === '"') quoted = !quoted
    if (c === ',' && !quoted) {
      values.push(current)
      current = ''
    } else current += c
  }
  values.push(current)
  return values.map((v) => v.replace(HTTP_WHITESPACE, ''))
}

/** does a browser's EventSource take this response as its stream (rather than fail for good)? */
export function isEventStreamResponse(status: number, contentType: string | null | undefined): boolean {
  return status === 200 && extractMimeEssence(contentType) === 'text/event-stream'
}

/** the value of a header, names compared case-insensitively; several of one name are joined with ", " (Fetch) */
export function headerValue(headers: ReadonlyArray<{ name: string; value: string }>, name: string): string | null {
  const lower = name.toLowerCase()
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value)
  return values.length ? values.join(', ') : null
}
