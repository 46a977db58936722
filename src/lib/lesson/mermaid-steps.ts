// A sequence diagram from a lesson's text, one message at a time: the source with only its first n
// messages (and the notes between them), so mermaid draws the diagram as it builds up.

/** lines of a mermaid sequenceDiagram that are steps: messages (A->>B: …, A-->>B, A-x B …) and notes */
const STEP = /^\s*(?:[^\s:]+\s*(?:-{1,2}>{1,2}|-{1,2}[x)]|<<-{1,2}>>)[+-]?\s*[^\s:]+\s*:.*|note\s+(?:left of|right of|over)\b.*)$/i

export function isSequenceDiagram(source: string): boolean {
  return /^\s*sequenceDiagram\b/.test(source)
}

export function sequenceSteps(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => STEP.test(line))
    .map((line) => line.trim())
}

/** the diagram with only its first `n` steps; participants and everything before the first step stay */
export function firstSteps(source: string, n: number): string {
  let seen = 0
  const kept: string[] = []
  for (const line of source.split('\n')) {
    if (STEP.test(line)) {
      seen++
      if (seen > n) continue
    }
    kept.push(line)
  }
  return kept.join('\n')
}

/** "A → B: text" for a step line, for the caption */
export function describeStep(line: string): string {
  const message = /^([^\s:]+?)\s*(?:-{1,2}>{1,2}|-{1,2}[x)]|<<-{1,2}>>)[+-]?\s*([^\s:]+)\s*:\s*(.*)$/.exec(line)
  if (message) return `${message[1]} → ${message[2]}: ${message[3]}`
  return line.replace(/^note\s+/i, 'Note ')
}
