// `npm run lessons:new "Title" [kind]`: a new lesson folder of that kind (scaffold-kinds.ts) that
// already passes `lessons:check` (and --run). Node only.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadLessons } from './load-lessons.ts'
import { KIND_TEMPLATES, LESSON_KINDS, type LessonKind } from './scaffold-kinds.ts'

const MAX_SLUG = 40

/** the folder name's words from a title: lower-case ASCII, at most 40 characters, never cut inside a word */
export function slugFor(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word
    if (longer.length > MAX_SLUG) break
    slug = longer
  }
  // a first word longer than the limit is all there is to cut
  return slug || words[0]?.slice(0, MAX_SLUG) || 'lesson'
}

/** writes lessons/<NN-slug>/ of this kind with the next free order number; returns its folder */
export function scaffoldLesson(root: string, title: string, kind: LessonKind = 'sse'): string {
  const clean = title.trim()
  if (!clean) throw new Error('Give the lesson a title: npm run lessons:new "My lesson"')
  if (clean.length > 120) throw new Error('The title is longer than 120 characters')
  const template = KIND_TEMPLATES[kind]
  if (!template) throw new Error(`There is no kind of lesson "${kind}": use one of ${LESSON_KINDS.join(', ')}`)
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
protocol: ${template.protocol}
${template.scenario}
---

Explain the idea here, in Markdown. A \`\`\`mermaid block draws a diagram.

## Your task

${template.task}
`,
    'starter.js': template.starter,
    'solution.js': template.solution,
    'checks.ts': template.checks,
    ...template.files,
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}
