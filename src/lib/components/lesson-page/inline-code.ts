// Question and option texts are plain text with `code` in backticks: split them for the view, so
// nothing in them is ever read as HTML.
export interface TextSpan {
  text: string
  code: boolean
}

export function inlineCode(text: string): TextSpan[] {
  const spans: TextSpan[] = []
  const pattern = /`([^`]+)`/g
  let at = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > at) spans.push({ text: text.slice(at, m.index), code: false })
    spans.push({ text: m[1]!, code: true })
    at = m.index + m[0].length
  }
  if (at < text.length) spans.push({ text: text.slice(at), code: false })
  return spans
}
