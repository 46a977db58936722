// Splits lesson.md into YAML front matter and Markdown, validates the front matter against the schema,
// and reports every problem with its line and column in lesson.md.
import { LineCounter, parseDocument, isNode, type Document } from 'yaml'
import type { z } from 'zod'
import { lessonFrontMatterSchema, type LessonFrontMatter } from './schema.ts'

export interface LessonProblem {
  file: string
  line: number
  column: number
  /** the field path, e.g. "scenario.server.kind" ("" for the file as a whole) */
  path: string
  message: string
}

/** where a field is written in lesson.md (its value), or null when the lesson does not write it */
export type FieldPosition = (path: ReadonlyArray<string | number>) => { line: number; column: number } | null

export type FrontMatterResult =
  { ok: true; meta: LessonFrontMatter; body: string; bodyLine: number; positionOf: FieldPosition } | { ok: false; problems: LessonProblem[] }

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/

/** the defaults a lesson inherits from its part (null when it names no part; a string: why the part is wrong) */
export type Inherit = (part: unknown) => Record<string, unknown> | string | null

/** `base` with `own` on top: objects merge field by field, anything else in `own` wins */
export function mergeDefaults(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(own)) {
    const under = out[key]
    const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
    out[key] = plain(under) && plain(value) ? mergeDefaults(under, value) : value
  }
  return out
}

/** rules that need more than the lesson itself (e.g. the course's claims): problems at a path of the front matter */
export type MetaRules = (meta: LessonFrontMatter) => Array<{ path: Array<string | number>; message: string }>

export function parseLessonMarkdown(source: string, file: string, inherit: Inherit = () => null, rules: MetaRules = () => []): FrontMatterResult {
  const match = FENCE.exec(source)
  if (!match)
    return { ok: false, problems: [{ file, line: 1, column: 1, path: '', message: 'lesson.md must start with front matter between two "---" lines' }] }
  const yamlText = match[1]!
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false })
  // the front matter starts on line 2 of lesson.md, after its "---"
  const problems = yamlErrors(doc, lineCounter, file, 1)
  if (problems.length > 0) return { ok: false, problems }
  const own: unknown = doc.toJS()
  const defaults = typeof own === 'object' && own !== null ? inherit((own as Record<string, unknown>).part) : null
  if (typeof defaults === 'string') {
    const pos = locate(doc, lineCounter, ['part'], false)
    return { ok: false, problems: [{ file, ...pos, path: 'part', message: defaults }] }
  }
  const parsed = lessonFrontMatterSchema.safeParse(defaults ? mergeDefaults(defaults, own as Record<string, unknown>) : own)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(unwrapUnion).map((issue) => toProblem(issue, doc, lineCounter, file)) }
  const broken = rules(parsed.data)
  if (broken.length)
    return {
      ok: false,
      problems: broken.map(({ path, message }) => ({ file, ...locate(doc, lineCounter, path.map(String), false), path: path.join('.'), message })),
    }
  const bodyLine = match[0].split('\n').length
  const positionOf: FieldPosition = (path) => {
    const node = doc.getIn(path, true)
    if (!isNode(node) || !node.range) return null
    const pos = lineCounter.linePos(node.range[0])
    return { line: pos.line + 1, column: pos.col }
  }
  return { ok: true, meta: parsed.data, body: source.slice(match[0].length), bodyLine, positionOf }
}

/** a YAML file validated against a schema, every problem at its line and column */
export function parseYamlFile<T>(text: string, file: string, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; problems: LessonProblem[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const errors = yamlErrors(doc, lineCounter, file, 0)
  if (errors.length) return { ok: false, problems: errors }
  const parsed = schema.safeParse(doc.toJS())
  if (parsed.success) return { ok: true, data: parsed.data }
  const problems = parsed.error.issues.flatMap(unwrapUnion).map((issue) => toProblem(issue, doc, lineCounter, file))
  // a file of its own starts at line 1 (front matter starts after its "---" line)
  return { ok: false, problems: problems.map((p) => ({ ...p, line: p.line - 1 })) }
}

/** YAML syntax errors at their line and column; `lineOffset`: lines of the file before the YAML */
function yamlErrors(doc: Document, lineCounter: LineCounter, file: string, lineOffset: number): LessonProblem[] {
  return doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0])
    return { file, line: pos.line + lineOffset, column: pos.col, path: '', message: `YAML: ${e.message.split('\n')[0]}` }
  })
}

/**
 * A field that takes one of several shapes (one server or a list of servers) fails as a whole with
 * "Invalid input". Report instead what went wrong inside the shape the author wrote: the branch
 * whose issues are not just "wrong type" at the field itself.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue]
  const matching = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0))
  if (matching.length !== 1) return [issue]
  return matching[0]!.flatMap((inner) => unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue))
}

function toProblem(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter, file: string): LessonProblem {
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') {
    // point at the unknown key itself
    const key = issue.keys[0]!
    const pos = locate(doc, lineCounter, [...path, key], true)
    return { file, ...pos, path: [...path, key].join('.'), message: `unknown field "${key}"` }
  }
  const pos = locate(doc, lineCounter, path, false)
  return { file, ...pos, path: path.join('.'), message: issue.message }
}

/** line (1-based, within lesson.md: the first "---" is line 1) and column of a path in the YAML */
function locate(doc: Document, lineCounter: LineCounter, path: string[], atKey: boolean): { line: number; column: number } {
  // walk up until a node exists (a missing field is reported where its parent is)
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth)
    // a key written as a number (`3: …`) is found by its number
    const node =
      sub.length === 0
        ? doc.contents
        : (doc.getIn(sub, true) ??
          doc.getIn(
            sub.map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
            true,
          ))
    let range: readonly number[] | null | undefined = isNode(node) ? node.range : undefined
    if (atKey && depth === path.length && depth > 0) {
      const parent = depth === 1 ? doc.contents : doc.getIn(sub.slice(0, -1), true)
      const pair = isMapLike(parent)
        ? parent.items.find((p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === sub[sub.length - 1])
        : undefined
      if (pair && isNode(pair.key)) range = pair.key.range
    }
    if (range) {
      const pos = lineCounter.linePos(range[0]!)
      return { line: pos.line + 1, column: pos.col }
    }
  }
  return { line: 2, column: 1 }
}

function isMapLike(node: unknown): node is { items: Array<{ key: unknown }> } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { items?: unknown }).items)
}
