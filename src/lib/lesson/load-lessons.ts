// Node side: reads every lessons/<NN-slug>/ folder, validates it, and renders its text. Used by the
// Vite plugin (build and dev server) and by the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parseLessonMarkdown, parseYamlFile, type Inherit, type LessonProblem, type MetaRules } from './front-matter.ts'
import { claimsSchema, courseSchema, type Claims, type Course } from './schema.ts'
import { checkLessonText } from './content-rules.ts'
import { renderMarkdown } from './markdown.ts'
import type { LessonContent, LessonSummary } from './types.ts'
import type { LessonFrontMatter } from './schema.ts'

export interface LoadedLesson extends LessonContent {
  dir: string
  checksFile: string
  /** the lesson's own servers (`kind: module`): `file` as written → absolute path */
  serverFiles: Record<string, string>
}

export interface LoadResult {
  lessons: LoadedLesson[]
  /** the course's parts from _parts.yml, in order ([] without that file) */
  parts: Course['parts']
  /** the course's numbered claims from _claims.yml (null without that file) */
  claims: Claims | null
  problems: LessonProblem[]
  /** every file read, for the dev server to watch */
  files: string[]
}

const SLUG = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/

export function loadLessons(root: string, cwd = process.cwd()): LoadResult {
  const problems: LessonProblem[] = []
  const lessons: LoadedLesson[] = []
  const files: string[] = []
  const texts: Array<{ body: string; bodyLine: number; file: string; dir: string }> = []
  if (!existsSync(root))
    return {
      lessons,
      files,
      parts: [],
      claims: null,
      problems: [{ file: relative(cwd, root) || root, line: 1, column: 1, path: '', message: 'the lessons folder does not exist' }],
    }
  const { parts, inherit } = readParts(root, cwd, files, problems)
  const claims = readClaims(root, cwd, files, problems)
  const rules = claimRules(claims, relative(cwd, join(root, '_claims.yml')))
  for (const slug of readdirSync(root).sort()) {
    const dir = join(root, slug)
    if (!statSync(dir).isDirectory() || slug.startsWith('.') || slug.startsWith('_')) continue
    const rel = (name: string) => relative(cwd, join(dir, name))
    if (!SLUG.test(slug)) {
      problems.push({
        file: relative(cwd, dir),
        line: 1,
        column: 1,
        path: '',
        message: `folder name "${slug}" must look like "01-my-lesson" (two digits, a dash, lower-case words joined by dashes)`,
      })
      continue
    }
    const mdFile = join(dir, 'lesson.md')
    files.push(mdFile)
    if (!existsSync(mdFile)) {
      problems.push({ file: rel('lesson.md'), line: 1, column: 1, path: '', message: 'missing lesson.md' })
      continue
    }
    const parsed = parseLessonMarkdown(readFileSync(mdFile, 'utf8'), rel('lesson.md'), inherit, rules)
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    const { meta } = parsed
    texts.push({ body: parsed.body, bodyLine: parsed.bodyLine, file: rel('lesson.md'), dir })
    const read = (name: string, field: string): string | null => {
      const file = join(dir, name)
      files.push(file)
      if (existsSync(file)) return readFileSync(file, 'utf8')
      problems.push({ file: rel('lesson.md'), line: 2, column: 1, path: field, message: `${field} file "${name}" does not exist in ${relative(cwd, dir)}` })
      return null
    }
    const starter = read(meta.starter, 'starter')
    const solution = read(meta.solution, 'solution')
    const types = meta.types === null ? '' : read(meta.types, 'types')
    const checksFile = join(dir, 'checks.ts')
    files.push(checksFile)
    if (!existsSync(checksFile))
      problems.push({ file: rel('checks.ts'), line: 1, column: 1, path: '', message: 'missing checks.ts (every lesson needs at least one automatic check)' })
    const serverFiles = findServerFiles(meta.scenario.server, dir, root, rel('lesson.md'), problems)
    files.push(...Object.values(serverFiles ?? {}))
    if (starter === null || solution === null || types === null || !existsSync(checksFile) || serverFiles === null) continue
    const html = renderMarkdown(parsed.body)
    lessons.push({
      slug,
      meta,
      html,
      starter,
      solution,
      types,
      language: meta.starter.endsWith('.ts') ? 'typescript' : 'javascript',
      dir,
      checksFile,
      serverFiles,
    })
  }
  const byOrder = new Map<number, string>()
  for (const lesson of lessons) {
    const other = byOrder.get(lesson.meta.order)
    if (other)
      problems.push({
        file: relative(cwd, join(lesson.dir, 'lesson.md')),
        line: 2,
        column: 1,
        path: 'order',
        message: `order ${lesson.meta.order} is already used by ${other}`,
      })
    else byOrder.set(lesson.meta.order, lesson.slug)
  }
  // the text rules need every slug (links between lessons), so they run once all folders are read
  const slugs = new Set(readdirSync(root).filter((name) => SLUG.test(name)))
  for (const text of texts) problems.push(...checkLessonText(text.body, text.bodyLine, text.file, slugs, (path) => existsSync(join(text.dir, path))))
  lessons.sort((a, b) => a.meta.order - b.meta.order)
  return { lessons, problems, files, parts, claims }
}

/** lessons/_claims.yml: the course's numbered claims (optional) */
function readClaims(root: string, cwd: string, files: string[], problems: LessonProblem[]): Claims | null {
  const file = join(root, '_claims.yml')
  files.push(file)
  if (!existsSync(file)) return null
  const parsed = parseYamlFile(readFileSync(file, 'utf8'), relative(cwd, file), claimsSchema)
  if (parsed.ok) return parsed.data
  problems.push(...parsed.problems)
  return null
}

/** every claim number a lesson names (in `teaches` and its questions) must be one of the course's */
function claimRules(claims: Claims | null, file: string): MetaRules {
  if (!claims) return () => []
  const count = Object.keys(claims.claims).length
  const known = (n: number) => claims.claims[String(n)] !== undefined
  const unknown = (n: number) => `there is no claim ${n} in ${file} (1–${count})`
  return (meta) => [
    ...meta.teaches.flatMap((n, i) => (known(n) ? [] : [{ path: ['teaches', i], message: unknown(n) }])),
    ...meta.questions.flatMap((q, qi) => q.claims.flatMap((n, i) => (known(n) ? [] : [{ path: ['questions', qi, 'claims', i], message: unknown(n) }]))),
  ]
}

/** lessons/_parts.yml: the course's parts and the defaults their lessons inherit */
function readParts(root: string, cwd: string, files: string[], problems: LessonProblem[]): { parts: Course['parts']; inherit: Inherit } {
  const file = join(root, '_parts.yml')
  files.push(file)
  const none = (part: unknown) => (part === undefined || part === null ? null : `there is no ${relative(cwd, file)} to define part ${JSON.stringify(part)}`)
  if (!existsSync(file)) return { parts: [], inherit: none }
  const parsed = parseYamlFile(readFileSync(file, 'utf8'), relative(cwd, file), courseSchema)
  if (!parsed.ok) {
    problems.push(...parsed.problems)
    return { parts: [], inherit: () => null }
  }
  const { parts } = parsed.data
  const byTitle = new Map(parts.map((p) => [p.title, p]))
  const inherit: Inherit = (part) => {
    if (part === undefined || part === null) return null
    const found = typeof part === 'string' ? byTitle.get(part) : undefined
    return found
      ? found.defaults
      : `part ${JSON.stringify(part)} is not one of the parts in ${relative(cwd, file)}: ${parts.map((p) => JSON.stringify(p.title)).join(', ')}`
  }
  return { parts, inherit }
}

export function summarise(lesson: LessonContent): LessonSummary {
  const { title, summary, order, protocol, part } = lesson.meta
  return { slug: lesson.slug, title, summary, order, protocol, part }
}

export function formatProblem(p: LessonProblem): string {
  return `${p.file}:${p.line}:${p.column}${p.path ? ` ${p.path}:` : ''} ${p.message}`
}

/** the `kind: module` servers' files (null when one is missing or outside the course) */
function findServerFiles(
  server: LessonFrontMatter['scenario']['server'],
  dir: string,
  root: string,
  mdFile: string,
  problems: LessonProblem[],
): Record<string, string> | null {
  const found: Record<string, string> = {}
  let ok = true
  for (const part of Array.isArray(server) ? server : [server]) {
    if (part.kind !== 'module') continue
    const file = resolve(dir, part.file)
    const inside = relative(resolve(root), file)
    const problem = (message: string) => {
      ok = false
      problems.push({ file: mdFile, line: 2, column: 1, path: 'scenario.server.file', message })
    }
    if (inside.startsWith('..') || isAbsolute(inside)) problem(`the server file "${part.file}" is outside the lessons folder`)
    else if (!existsSync(file)) problem(`the server file "${part.file}" does not exist (it must default-export defineServer({ … }) from 'wirelab/server')`)
    else found[part.file] = file
  }
  return ok ? found : null
}
