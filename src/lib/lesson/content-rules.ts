// What lesson Markdown may not contain, found in the source so each problem has its line: script,
// event-handler attributes, javascript: links, frames and remote resources (the page renders lessons
// through a sanitiser anyway; these rules tell the author instead of silently dropping their content),
// plus links to lessons that do not exist. Code blocks and inline code are text, so they are skipped.
import type { LessonProblem } from './front-matter.ts'

interface Rule {
  pattern: RegExp
  message: (match: RegExpExecArray) => string
}

const RULES: Rule[] = [
  { pattern: /<script\b/gi, message: () => 'a <script> element is not allowed in a lesson: it would never run (lesson text is sanitised), so remove it' },
  {
    pattern: /<(iframe|object|embed|style|link|meta|base|form)\b/gi,
    message: (m) => `a <${m[1]!.toLowerCase()}> element is not allowed in a lesson (it is removed when the text is shown)`,
  },
  {
    pattern: /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi,
    message: (m) => `the event-handler attribute ${m[1]!.toLowerCase()}= is not allowed: lesson text cannot run code`,
  },
  { pattern: /(?:href|src)\s*=\s*["']?\s*javascript:|\]\(\s*javascript:/gi, message: () => 'a javascript: link is not allowed: lesson text cannot run code' },
  {
    pattern: /<(?:img|video|audio|source|track|image)\b[^>]*?\s(?:src|href|poster)\s*=\s*["']?(https?:)?\/\//gi,
    message: () => 'a remote resource is not allowed: it would load from another site. Put the file in the lesson folder',
  },
  {
    pattern: /!\[[^\]]*\]\(\s*<?(https?:)?\/\//gi,
    message: () => 'a remote image is not allowed: it would load from another site. Put the file in the lesson folder',
  },
]

const LESSON_LINK = /\]\(\s*#\/lesson\/([\w-]+)/g
/** images from the lesson's own folder: ![alt](diagram.png) or <img src="diagram.png"> */
const LOCAL_IMAGE =
  /!\[[^\]]*\]\(\s*<?([\w./-]+\.(?:png|jpe?g|gif|svg|webp|avif))>?(?:\s+"[^"]*")?\s*\)|<img\b[^>]*?\ssrc\s*=\s*["']?([\w./-]+\.(?:png|jpe?g|gif|svg|webp|avif))/gi

/** blank out fenced code blocks and inline code spans, keeping line and column positions */
export function maskCode(markdown: string): string {
  const fenced = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
  return fenced.replace(/(`+)[^`\n]+?\1/g, (span) => ' '.repeat(span.length))
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index)
  const line = before.split('\n').length
  return { line, column: index - before.lastIndexOf('\n') }
}

/**
 * Problems in the Markdown body of a lesson. `bodyLine`: the line of lesson.md the body starts on;
 * `slugs`: every lesson there is, for links between lessons.
 */
export function checkLessonText(
  body: string,
  bodyLine: number,
  file: string,
  slugs: ReadonlySet<string>,
  imageExists: (path: string) => boolean = () => true,
): LessonProblem[] {
  const text = maskCode(body)
  const problems: LessonProblem[] = []
  const at = (index: number) => {
    const p = position(text, index)
    return { file, line: p.line + bodyLine - 1, column: p.column, path: '' }
  }
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) problems.push({ ...at(match.index), message: rule.message(match as RegExpExecArray) })
  }
  for (const match of text.matchAll(LESSON_LINK)) {
    if (!slugs.has(match[1]!))
      problems.push({ ...at(match.index), message: `the link to lesson "${match[1]}" leads nowhere: there is no lessons/${match[1]}/` })
  }
  for (const match of text.matchAll(LOCAL_IMAGE)) {
    const path = match[1] ?? match[2]!
    if (path.startsWith('/') || path.split('/').includes('..'))
      problems.push({ ...at(match.index), message: `the image "${path}" must be a file in the lesson folder (no "/" at the start, no "..")` })
    else if (!imageExists(path)) problems.push({ ...at(match.index), message: `the image "${path}" does not exist in the lesson folder` })
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}
