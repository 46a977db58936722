// Helpers for showing wire bytes: visible escapes, and an explanation of each event-stream line.
import { SseParser } from '../../sim/sse.ts'
import { chunkFraming, utf8Length } from '../../sim/http1.ts'

/** the text as a string literal would write it: CR and LF visible */
export function escapeWire(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

export interface ExplainedLine {
  raw: string
  meaning: string
}

const FIELD_MEANING: Record<string, string> = {
  id: 'sets the event id; the browser sends it back as Last-Event-ID when it reconnects',
  event: 'names the event type (listen with addEventListener(type, …)); without it the type is "message"',
  data: 'one line of the payload; several data lines are joined with "\\n"',
  retry: 'how many ms the browser waits before reconnecting',
}

export function explainSse(wire: string): ExplainedLine[] {
  const parser = new SseParser()
  parser.push(wire)
  return parser.lines.map((l) => {
    if (l.kind === 'blank') return { raw: '', meaning: 'blank line: ends the event; the browser dispatches it now' }
    if (l.kind === 'comment') return { raw: l.raw, meaning: 'comment: ignored by the browser (often a heartbeat that keeps the connection alive)' }
    const meaning = l.used ? (FIELD_MEANING[l.name ?? ''] ?? '') : `ignored: "${l.name}" is not a field browsers know`
    return { raw: l.raw, meaning }
  })
}

/** how one SSE block travels inside a chunked HTTP/1.1 body */
export function chunkDescription(wire: string): { size: number; prefix: string; total: number } {
  const size = utf8Length(wire)
  const { prefix, suffix } = chunkFraming(size)
  return { size, prefix: escapeWire(prefix), total: prefix.length + size + suffix.length }
}
