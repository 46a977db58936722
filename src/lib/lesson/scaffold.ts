// `npm run lessons:new "Title"`: a new lesson folder that already passes `lessons:check` (and --run):
// an SSE lesson whose starter logs nothing and whose solution logs three scores. Node only.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadLessons } from './load-lessons.ts'

export function slugFor(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'lesson'
  )
}

/** writes lessons/<NN-slug>/ with the next free order number; returns its folder */
export function scaffoldLesson(root: string, title: string): string {
  const clean = title.trim()
  if (!clean) throw new Error('Give the lesson a title: npm run lessons:new "My lesson"')
  if (clean.length > 120) throw new Error('The title is longer than 120 characters')
  const { lessons } = existsSync(root) ? loadLessons(root) : { lessons: [] }
  const taken = existsSync(root)
    ? readdirSync(root)
        .map((n) => Number(n.slice(0, 2)))
        .filter(Number.isFinite)
    : []
  const order = Math.max(0, ...lessons.map((l) => l.meta.order), ...taken) + 1
  if (order > 99) throw new Error('Folder numbers go up to 99: this course has no free number left')
  const dir = join(root, `${String(order).padStart(2, '0')}-${slugFor(clean)}`)
  if (existsSync(dir)) throw new Error(`${dir} already exists`)
  mkdirSync(dir, { recursive: true })
  const files: Record<string, string> = {
    'lesson.md': `---
title: ${JSON.stringify(clean)}
summary: One or two sentences for the lesson list.
order: ${order}
protocol: sse
scenario:
  server:
    kind: live-score
    intervalMs: 1000
  durationMs: 3500
---

Explain the idea here, in Markdown. A \`\`\`mermaid block draws a diagram.

## Your task

Log each score update the server sends.
`,
    'starter.js': `// Open the stream and log each update.
const es = new EventSource('/api/stream');
`,
    'solution.js': `const es = new EventSource('/api/stream');
es.onmessage = (e) => console.log(e.data);
`,
    'checks.ts': `import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'logs-updates',
    title: 'Log each score update',
    run(run) {
      const updates = run.sseEvents().filter((e) => e.dispatches).length
      const logged = run.loggedLines().length
      if (updates === 0) return { pass: false, message: "No update arrived. Open the stream: new EventSource('/api/stream')." }
      if (logged < updates) return { pass: false, message: \`\${updates} updates arrived but \${logged} were logged. Log e.data in es.onmessage.\` }
      return { pass: true, message: \`All \${updates} updates logged.\` }
    },
  },
])
`,
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}
