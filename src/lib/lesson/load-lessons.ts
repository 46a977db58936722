// Node side: reads every lessons/<NN-slug>/ folder, validates it, and renders its text. Used by the
// Vite plugin (build and dev server) and by the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parseLessonMarkdown, parseYamlFile, type FieldPosition, type Inherit, type LessonProblem, type MetaRules } from './front-matter.ts'
import { claimsSchema, courseSchema, labSchema, type Claims, type Course, type Lab } from './schema.ts'
import { checkLessonText } from './content-rules.ts'
import { renderMarkdown } from './markdown.ts'
import { checkIdsIn, readCheats, type LessonCheat } from './cheats.ts'
import type { EditableServer, LessonContent, LessonSummary } from './types.ts'
import type { LessonFrontMatter } from './schema.ts'

export interface LoadedLesson extends LessonContent {
  dir: string
  checksFile: string
  /** code that cheats and must fail named checks (cheats/): test fixtures, never shipped to browsers */
  cheats: LessonCheat[]
  /** the lesson's own servers (`kind: module`): `file` as written → absolute path */
  serverFiles: Record<string, string>
}

export interface LoadResult {
  lessons: LoadedLesson[]
  /** the course's parts from _parts.yml, in order ([] without that file) */
  parts: Course['parts']
  /** the course's numbered claims from _claims.yml (null without that file) */
  claims: Claims | null
  /** the lab's questions from _lab.yml (null without that file) */
  lab: Lab | null
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
  /** where each lesson writes a field (for problems found after its front matter was read) */
  const positions = new Map<string, FieldLocator>()
  if (!existsSync(root))
    return {
      lessons,
      files,
      parts: [],
      claims: null,
      lab: null,
      problems: [{ file: relative(cwd, root) || root, line: 1, column: 1, path: '', message: 'the lessons folder does not exist' }],
    }
  const { parts, inherit } = readParts(root, cwd, files, problems)
  const claims = readClaims(root, cwd, files, problems)
  const rules = claimRules(claims, relative(cwd, join(root, '_claims.yml')))
  const lab = readLab(root, cwd, files, problems, rules)
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
    const partDefaults = inherit(meta.part)
    const fieldAt = fieldLocator(parsed.positionOf, rel('lesson.md'), typeof partDefaults === 'object' ? partDefaults : null)
    positions.set(slug, fieldAt)
    const read = (name: string, field: 'starter' | 'solution' | 'types'): string | null => {
      const file = join(dir, name)
      files.push(file)
      if (existsSync(file)) return readFileSync(file, 'utf8')
      const missing = `${field} file "${name}" does not exist in ${relative(cwd, dir)}`
      // the file named by the lesson (or its part) is reported where it is named; a default one is missing where it belongs
      const at = fieldAt(field)
      problems.push(
        at
          ? { ...at, path: field, message: `${missing}${at.viaPart ? ` (part "${meta.part}" names it in _parts.yml)` : ''}` }
          : {
              file: rel(name),
              line: 1,
              column: 1,
              path: field,
              message: `missing ${name}: the ${field} file, since lesson.md names none (add it, or name another with "${field}:")`,
            },
      )
      return null
    }
    const starter = read(meta.starter, 'starter')
    const solution = read(meta.solution, 'solution')
    const types = meta.types === null ? '' : read(meta.types, 'types')
    const checksFile = join(dir, 'checks.ts')
    files.push(checksFile)
    if (!existsSync(checksFile))
      problems.push({ file: rel('checks.ts'), line: 1, column: 1, path: '', message: 'missing checks.ts (every lesson needs at least one automatic check)' })
    const serverFiles = findServerFiles(meta.scenario.server, dir, root, rel('lesson.md'), parsed.positionOf, problems)
    files.push(...Object.values(serverFiles ?? {}))
    const serverCode = serverFiles && editableServer(meta.scenario.server, dir, serverFiles, rel('lesson.md'), parsed.positionOf, problems, files)
    if (starter === null || solution === null || types === null || !existsSync(checksFile) || serverFiles === null || serverCode === undefined) continue
    const html = renderMarkdown(parsed.body)
    const language = meta.starter.endsWith('.ts') ? 'typescript' : 'javascript'
    const cheats = readCheats(dir, language, checkIdsIn(readFileSync(checksFile, 'utf8')), cwd, meta.scenario.broker !== null, serverCode !== null)
    problems.push(...cheats.problems)
    files.push(...cheats.files)
    lessons.push({ slug, meta, html, starter, solution, types, language, dir, checksFile, cheats: cheats.cheats, serverFiles, serverCode })
  }
  const byOrder = new Map<number, string>()
  for (const lesson of lessons) {
    const other = byOrder.get(lesson.meta.order)
    if (other) {
      const at = positions.get(lesson.slug)!('order') ?? { file: relative(cwd, join(lesson.dir, 'lesson.md')), line: 1, column: 1 }
      problems.push({ file: at.file, line: at.line, column: at.column, path: 'order', message: `order ${lesson.meta.order} is already used by ${other}` })
    } else byOrder.set(lesson.meta.order, lesson.slug)
  }
  // the text rules need every slug (links between lessons), so they run once all folders are read
  const slugs = new Set(readdirSync(root).filter((name) => SLUG.test(name)))
  for (const text of texts) problems.push(...checkLessonText(text.body, text.bodyLine, text.file, slugs, (path) => existsSync(join(text.dir, path))))
  lessons.sort((a, b) => a.meta.order - b.meta.order)
  return { lessons, problems, files, parts, claims, lab }
}

type FieldLocator = (field: string) => { file: string; line: number; column: number; viaPart: boolean } | null

/** a field's position in lesson.md; one the lesson inherits from its part is at its `part:` line; null: neither (a default) */
function fieldLocator(positionOf: FieldPosition, file: string, partDefaults: Record<string, unknown> | null): FieldLocator {
  return (field) => {
    const own = positionOf([field])
    if (own) return { file, ...own, viaPart: false }
    const part = partDefaults && field in partDefaults ? positionOf(['part']) : null
    return part ? { file, ...part, viaPart: true } : null
  }
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

/** lessons/_lab.yml: the lab's questions (optional); their claims must be the course's */
function readLab(root: string, cwd: string, files: string[], problems: LessonProblem[], rules: MetaRules): Lab | null {
  const file = join(root, '_lab.yml')
  files.push(file)
  if (!existsSync(file)) return null
  const parsed = parseYamlFile(readFileSync(file, 'utf8'), relative(cwd, file), labSchema)
  if (!parsed.ok) {
    problems.push(...parsed.problems)
    return null
  }
  const unknown = rules({ teaches: [], questions: parsed.data.questions } as unknown as Parameters<MetaRules>[0])
  problems.push(...unknown.map((u) => ({ file: relative(cwd, file), line: 1, column: 1, path: u.path.join('.'), message: u.message })))
  return unknown.length ? null : parsed.data
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
  positionOf: FieldPosition,
  problems: LessonProblem[],
): Record<string, string> | null {
  const found: Record<string, string> = {}
  let ok = true
  const list = Array.isArray(server) ? server : [server]
  for (const [i, part] of list.entries()) {
    if (part.kind !== 'module') continue
    // at the file's name when the lesson writes one, else at the server it describes
    const at = Array.isArray(server) ? ['scenario', 'server', i] : ['scenario', 'server']
    const where = positionOf([...at, 'file']) ?? positionOf(at) ?? { line: 1, column: 1 }
    const file = resolve(dir, part.file)
    const inside = relative(resolve(root), file)
    const problem = (message: string) => {
      ok = false
      problems.push({ file: mdFile, ...where, path: [...at, 'file'].join('.'), message })
    }
    if (inside.startsWith('..') || isAbsolute(inside)) problem(`the server file "${part.file}" is outside the lessons folder`)
    else if (!existsSync(file)) problem(`the server file "${part.file}" does not exist (it must default-export defineServer({ … }) from 'wirelab/server')`)
    else found[part.file] = file
  }
  return ok ? found : null
}

/**
 * The server the learner edits (a module server with a `starter`): its starter and its solution (the
 * server's `file`); null when there is none, undefined when it is wrong (a problem says why).
 */
function editableServer(
  server: LessonFrontMatter['scenario']['server'],
  dir: string,
  serverFiles: Record<string, string>,
  mdFile: string,
  positionOf: FieldPosition,
  problems: LessonProblem[],
  files: string[],
): EditableServer | null | undefined {
  const list = Array.isArray(server) ? server : [server]
  const editable = list.flatMap((part, i) => (part.kind === 'module' && part.starter !== undefined ? [{ part, i }] : []))
  if (editable.length === 0) return null
  const pathOf = (i: number) => [...(Array.isArray(server) ? ['scenario', 'server', i] : ['scenario', 'server']), 'starter']
  const problemAt = (i: number, message: string) => {
    const where = positionOf(pathOf(i)) ?? { line: 1, column: 1 }
    problems.push({ file: mdFile, ...where, path: pathOf(i).join('.'), message })
  }
  if (editable.length > 1) {
    problemAt(editable[1]!.i, 'only one server of a lesson can be edited by the learner (one server tab): remove this `starter`')
    return undefined
  }
  const { part, i } = editable[0]!
  if (part.kind !== 'module' || part.starter === undefined) return null
  const starterFile = join(dir, part.starter)
  files.push(starterFile)
  if (!existsSync(starterFile)) {
    problemAt(i, `the server's starter file "${part.starter}" does not exist in the lesson folder`)
    return undefined
  }
  const solutionFile = serverFiles[part.file]
  if (!solutionFile) return undefined
  return { file: part.file, starter: readFileSync(starterFile, 'utf8'), solution: readFileSync(solutionFile, 'utf8') }
}
