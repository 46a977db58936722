// A run, exported: as Mermaid sequence-diagram text (to paste into docs), as trace JSON (the format of
// docs/trace-format.md, importable again), and the file names to save them under.
import { TRACE_FORMAT_VERSION, type TraceEvent, type TraceJson } from '../../sim/trace.ts'
import { eventLabel } from '../diagram/describe-event.ts'
import { eventEnds, type Lifeline } from '../diagram/lifelines.ts'

/** Mermaid message text cannot hold ; or # or line breaks: its own entity codes stand in for them */
function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;'))
    .replace(/\s+/g, ' ')
    .trim()
}

export function traceToMermaid(events: readonly TraceEvent[], lifelines: readonly Lifeline[]): string {
  const alias = new Map(lifelines.map((l, i) => [l.id, `P${i}`]))
  const lines = ['sequenceDiagram', ...lifelines.map((l) => `    participant ${alias.get(l.id)} as ${mermaidText(l.label)}`)]
  const first = alias.get(lifelines[0]!.id)!
  const last = alias.get(lifelines.at(-1)!.id)!
  for (const e of events) {
    const ends = eventEnds(e, lifelines)
    const label = eventLabel(e)
    const text = mermaidText(`${(e.t / 1000).toFixed(3)} s ${label.main}${label.detail ? ` — ${label.detail}` : ''}`)
    if (e.kind === 'fault') {
      lines.push(`    Note over ${first},${last}: ${mermaidText(`⚡ ${label.detail}`)}`)
    } else if (e.kind === 'http.held' || e.kind === 'http.queued' || e.kind === 'server.log' || e.kind === 'conn.close' || e.kind === 'conn.error') {
      const at = alias.get(e.kind === 'http.held' || e.kind === 'server.log' ? ends.server : ends.client) ?? first
      lines.push(`    Note over ${at}: ${text}`)
    } else {
      const from = alias.get(ends.from ?? ends.client) ?? first
      const to = alias.get(ends.to ?? ends.server) ?? last
      lines.push(`    ${from}${e.from === 'client' ? '->>' : '-->>'}${to}: ${text}`)
    }
  }
  return lines.join('\n') + '\n'
}

export function traceToJson(events: readonly TraceEvent[]): string {
  const json: TraceJson = { format: 'wirelab-trace', version: TRACE_FORMAT_VERSION, events: events.map((e) => structuredClone(e)) }
  return JSON.stringify(json, null, 2) + '\n'
}
