// Server-Sent Events: the event-stream format of the WHATWG HTML standard, §9.2 "Server-sent events".
// The encoder writes what our simulated servers send; the parser reads a stream exactly as a browser's
// EventSource does, so the inspector can explain each field.

export interface SseFields {
  id?: string
  event?: string
  /** the payload; line breaks become several `data:` lines */
  data?: string
  /** reconnection time in ms */
  retry?: number
  /** a comment line (`: …`), e.g. a heartbeat; never dispatched */
  comment?: string
}

const LINE_BREAK = /\r\n|\r|\n/

function assertSingleLine(field: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new Error(`SSE "${field}" must not contain a line break`)
}

/** one event block, fields in the order comment, event, id, retry, data, then the blank line that dispatches it */
export function encodeSseEvent(fields: SseFields): string {
  let out = ''
  if (fields.comment !== undefined) for (const line of fields.comment.split(LINE_BREAK)) out += `: ${line}\n`
  if (fields.event !== undefined) {
    assertSingleLine('event', fields.event)
    out += `event: ${fields.event}\n`
  }
  if (fields.id !== undefined) {
    assertSingleLine('id', fields.id)
    if (fields.id.includes('\0')) throw new Error('SSE "id" must not contain U+0000 NULL (browsers ignore such ids)')
    out += `id: ${fields.id}\n`
  }
  if (fields.retry !== undefined) {
    if (!Number.isInteger(fields.retry) || fields.retry < 0) throw new Error('SSE "retry" must be a whole number of ms')
    out += `retry: ${fields.retry}\n`
  }
  if (fields.data !== undefined) for (const line of fields.data.split(LINE_BREAK)) out += `data: ${line}\n`
  return out + '\n'
}

/** an event as a browser's EventSource dispatches it */
export interface DispatchedSseEvent {
  type: string
  data: string
  lastEventId: string
}

/** one field line as the parser understood it, for the inspector */
export interface SseLine {
  raw: string
  kind: 'field' | 'comment' | 'blank'
  name?: string
  value?: string
  /** false when the field name is not one of data/event/id/retry, or the value is invalid */
  used?: boolean
  /** on a blank line: the type of the event it dispatched, or null when the block had no data (nothing dispatched) */
  dispatched?: string | null
}

/**
 * Streaming parser following the spec's "interpret an event stream" algorithm: UTF-8 with an optional
 * leading BOM, CRLF / LF / CR line endings (also when split across chunks), one optional space after
 * the colon, `retry` only when all ASCII digits, `id` ignored when it contains NULL, and an event
 * dispatched only at a blank line with a non-empty data buffer.
 */
export class SseParser {
  lastEventId = ''
  reconnectionTime: number | null = null
  readonly lines: SseLine[] = []
  private pending = ''
  private started = false
  private pendingCR = false
  private data = ''
  private eventType = ''
  private idBuffer = ''

  /** `onEvent`: called for every event dispatched (may be replaced between pushes) */
  constructor(public onEvent: (event: DispatchedSseEvent) => void = () => {}) {}

  /** feed decoded text; events are dispatched as their blank line arrives */
  push(text: string): void {
    if (!this.started && text.length > 0) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    for (const ch of text) {
      if (this.pendingCR) {
        this.pendingCR = false
        if (ch === '\n') continue // the LF of a CRLF whose CR ended the previous line
      }
      if (ch === '\r' || ch === '\n') {
        this.pendingCR = ch === '\r'
        this.line(this.pending)
        this.pending = ''
      } else {
        this.pending += ch
      }
    }
  }

  private line(line: string): void {
    if (line === '') {
      this.lines.push({ raw: line, kind: 'blank', dispatched: this.dispatch() })
      return
    }
    if (line.startsWith(':')) {
      this.lines.push({ raw: line, kind: 'comment', value: line.slice(1).replace(/^ /, '') })
      return
    }
    const colon = line.indexOf(':')
    const name = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    this.lines.push({ raw: line, kind: 'field', name, value, used: this.field(name, value) })
  }

  private field(name: string, value: string): boolean {
    switch (name) {
      case 'event':
        this.eventType = value
        return true
      case 'data':
        this.data += value + '\n'
        return true
      case 'id':
        if (value.includes('\0')) return false
        this.idBuffer = value
        return true
      case 'retry':
        if (!/^[0-9]+$/.test(value)) return false
        this.reconnectionTime = Number(value)
        return true
      default:
        return false
    }
  }

  /** the blank line ending a block: the type of the event dispatched, or null when the block had no data */
  private dispatch(): string | null {
    // the last event id is taken even from a block that dispatches nothing (an "id:" line alone)
    this.lastEventId = this.idBuffer
    if (this.data === '') {
      this.eventType = ''
      return null
    }
    const data = this.data.endsWith('\n') ? this.data.slice(0, -1) : this.data
    const event = { type: this.eventType || 'message', data, lastEventId: this.lastEventId }
    this.data = ''
    this.eventType = ''
    this.onEvent(event)
    return event.type
  }
}

/** every event a complete stream text dispatches */
export function parseSseStream(text: string): DispatchedSseEvent[] {
  const events: DispatchedSseEvent[] = []
  new SseParser((e) => events.push(e)).push(text)
  return events
}

/** does this block make a browser fire an event? (it must have at least one `data` field) */
export function sseDispatches(fields: SseFields): boolean {
  return fields.data !== undefined
}
