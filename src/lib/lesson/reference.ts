// The lesson schema as a JSON Schema (editors autocomplete front matter with it) and as the field
// reference of docs/authoring.md; both generated from the one zod schema, so neither can drift.
import { z } from 'zod'
import { courseSchema, lessonFrontMatterSchema } from './schema.ts'

/** the front matter of a lesson on its own (no part): every required field required */
export function completeLessonJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(lessonFrontMatterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
}

/**
 * The schema editors and validators read (docs/lesson.schema.json). A lesson that names a `part` may
 * leave out any field its part's `defaults` supply, and objects merge field by field, so for it nothing
 * is required, down through objects (a list is replaced whole, so list items keep their required
 * fields); a lesson without a part must be complete. Which fields its part really supplies only
 * `lessons:check` knows (it reads _parts.yml).
 */
export function lessonJsonSchema(): Record<string, unknown> {
  // shared definitions (the JSON of a module server's options) stay at the root, where their $refs point
  const { $schema, $defs, ...complete } = completeLessonJsonSchema()
  return {
    $schema,
    ...($defs ? { $defs } : {}),
    title: 'Wirelab lesson front matter',
    ...withoutRequired(complete),
    description:
      "Front matter of lessons/<NN-slug>/lesson.md. A lesson with a `part` may leave out what the part's defaults in _parts.yml supply; `npm run lessons:check` checks the merged result.",
    if: { required: ['part'], properties: { part: { type: 'string' } } },
    else: complete,
  }
}

/** lessons/_parts.yml (docs/parts.schema.json): each part's `defaults` is front matter that any lesson of it may complete */
export function partsJsonSchema(): Record<string, unknown> {
  const parts = z.toJSONSchema(courseSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & Record<string, unknown>
  const { $schema, $defs, ...front } = completeLessonJsonSchema()
  const defaults = parts.properties!.parts!.items!.properties!.defaults!
  const partial = withoutRequired(front)
  const { properties } = partial as JsonSchema
  // a part gives defaults, never the lesson's own identity
  for (const own of ['title', 'order', 'part']) delete properties![own]
  parts.properties!.parts!.items!.properties!.defaults = { ...partial, description: defaults.description, default: defaults.default }
  return { ...parts, $schema, ...($defs ? { $defs } : {}), title: 'Wirelab course parts (lessons/_parts.yml)' }
}

/** a copy with no field required in any object reached through fields (list items stay as they are); one-of choices become any-of, since partial choices overlap */
function withoutRequired(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...schema }
  delete out.required
  if (out.properties)
    out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, Record<string, unknown>>).map(([k, v]) => [k, withoutRequired(v)]))
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!Array.isArray(out[key])) continue
    const variants = (out[key] as Array<Record<string, unknown>>).map((v) => (v.type === 'array' ? v : withoutRequired(v)))
    delete out[key]
    out.anyOf = variants
  }
  return out
}

interface JsonSchema {
  type?: string | string[]
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  minimum?: number
  maximum?: number
  pattern?: string
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ')
  const variants = s.anyOf ?? s.oneOf
  if (variants) return [...new Set(variants.map(typeOf))].join(' or ')
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'items'}`
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}…${s.maximum ?? ''}` : ''
  return `${Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any')}${range}`
}

/** one table row per field, depth first, with its path, type, default and description */
function rows(schema: JsonSchema, path: string, out: string[]): void {
  const variants = schema.anyOf ?? schema.oneOf
  if (variants && !schema.properties) {
    for (const v of variants) {
      const kind = v.properties?.kind?.const
      if (v.properties) rows(v, kind !== undefined ? `${path} (kind: ${String(kind)})` : path, out)
      else if (v.type === 'array' && v.items) rows(v.items, `${path}[]`, out)
    }
    return
  }
  if (schema.type === 'array' && schema.items && (schema.items.properties || schema.items.anyOf || schema.items.oneOf))
    return rows(schema.items, `${path}[]`, out)
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const full = path ? `${path}.${name}` : name
    const required = schema.required?.includes(name) && field.default === undefined ? 'yes' : ''
    const dflt = field.default === undefined ? '' : `\`${JSON.stringify(field.default)}\``
    out.push(`| \`${full}\` | ${typeOf(field)} | ${required} | ${dflt} | ${(field.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`)
    if (field.properties || field.anyOf || field.oneOf || (field.type === 'array' && field.items)) rows(field, full, out)
  }
}

export function fieldReference(): string {
  const out = ['| field | type | required | default | what it is for |', '|---|---|---|---|---|']
  rows(completeLessonJsonSchema() as JsonSchema, '', out)
  return out.join('\n') + '\n'
}

export const REFERENCE_START = '<!-- field reference: generated by `npm run lessons:schema`, do not edit -->'
export const REFERENCE_END = '<!-- end of field reference -->'

/** the guide with its field reference section replaced by a fresh one */
export function withFieldReference(guide: string): string {
  const start = guide.indexOf(REFERENCE_START)
  const end = guide.indexOf(REFERENCE_END)
  if (start < 0 || end < start) throw new Error('docs/authoring.md lacks the field reference markers')
  return `${guide.slice(0, start + REFERENCE_START.length)}\n\n${fieldReference()}\n${guide.slice(end)}`
}
