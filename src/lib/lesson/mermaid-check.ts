// ```mermaid blocks of a lesson, parsed in Node with mermaid's own parser (mermaid.parse needs no DOM),
// so a diagram that would show "This diagram could not be drawn" on the page is reported by
// lessons:check at its line of lesson.md. A sequence diagram is also parsed as each of its steps draws
// it (the step controls draw the first n messages).
import type { LessonProblem } from './front-matter.ts'
import { firstSteps, isSequenceDiagram, sequenceSteps } from './mermaid-steps.ts'

export interface MermaidBlock {
  /** the diagram's source, as the page reads it from the rendered code block */
  source: string
  /** the line of lesson.md holding the diagram's first line */
  line: number
}

/** every fenced block tagged mermaid, outside other fenced blocks (a Markdown example of one is not a diagram) */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const blocks: MermaidBlock[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!)
    if (!open) continue
    const [, indent, fence] = open
    const closing = new RegExp(`^\\s*${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`)
    let end = i + 1
    while (end < lines.length && !closing.test(lines[end]!)) end++
    if (open[3]!.toLowerCase() === 'mermaid') {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l.trimStart()))
      blocks.push({ source: body.join('\n') + '\n', line: i + 2 })
    }
    i = end
  }
  return blocks
}

type Parse = (text: string) => Promise<unknown>

let parser: Promise<Parse> | null = null
/** mermaid's parser, loaded once (about 3 s in Node) */
function mermaidParse(): Promise<Parse> {
  parser ??= import('mermaid').then(
    ({ default: mermaid }) =>
      (text: string) =>
        mermaid.parse(text),
  )
  return parser
}

/** the problems of every diagram in lesson.md (`markdown`: the whole file, so lines are the file's) */
export async function checkMermaid(markdown: string, file: string): Promise<LessonProblem[]> {
  const blocks = mermaidBlocks(markdown)
  if (blocks.length === 0) return []
  const parse = await mermaidParse()
  const problems: LessonProblem[] = []
  for (const block of blocks) {
    const whole = await parseError(parse, block.source)
    if (whole) {
      problems.push({ file, line: block.line + whole.line - 1, column: 1, path: '', message: `this mermaid diagram cannot be drawn: ${whole.message}` })
      continue
    }
    if (!isSequenceDiagram(block.source)) continue
    const steps = sequenceSteps(block.source)
    for (let n = 1; n < steps.length; n++) {
      const partial = await parseError(parse, firstSteps(block.source, n))
      if (!partial) continue
      problems.push({
        file,
        line: block.line,
        column: 1,
        path: '',
        message: `this mermaid diagram draws, but not ${n === 1 ? 'its first step' : `its first ${n} steps`} (the step controls show it message by message): ${partial.message}`,
      })
      break
    }
  }
  return problems
}

/** why mermaid refuses a diagram, with the line of the diagram it names (1 when it names none) */
async function parseError(parse: Parse, source: string): Promise<{ line: number; message: string } | null> {
  try {
    await parse(source)
    return null
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error)
    const hash = (error as { hash?: { loc?: { first_line?: number } } }).hash
    const named = /line (\d+)(?:, column (\d+))?/.exec(raw)
    const line = hash?.loc?.first_line ?? (named ? Number(named[1]) : 1)
    const column = named?.[2] ? ` (column ${named[2]})` : ''
    // jison repeats the source with a caret under the error: one line is enough here
    const message = raw
      .replace(/^Parsing failed:\s*/, '')
      // the line is the lesson's, given with the problem; mermaid's counts from the diagram's start
      .replace(/^Parse error on line \d+(?:, column \d+)?:\s*/, '')
      .split('\n')
      .filter((l) => !/^\.{3}|^-+\^$/.test(l.trim()))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    return { line: Math.max(1, line), message: message + column }
  }
}
