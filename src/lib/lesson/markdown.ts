// Lesson Markdown → HTML (GitHub-flavoured). Runs at build time in Node; the page sanitises the result
// again before showing it (sanitize.ts), since courses come from other people.
import { Marked } from 'marked'

const markdown = new Marked({ gfm: true })

export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false })
}
