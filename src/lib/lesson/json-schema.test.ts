// docs/lesson.schema.json and docs/parts.schema.json, read by a standard JSON Schema validator (Ajv,
// draft 2020-12) as an editor or CI would: the built-in lessons and parts are valid, and what
// lessons:check refuses for lack of a field is refused too, unless a part may supply it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ajv = new Ajv2020({ allErrors: true, strict: true })
const lessonSchema = ajv.compile(JSON.parse(readFileSync('docs/lesson.schema.json', 'utf8')))
const partsSchema = ajv.compile(JSON.parse(readFileSync('docs/parts.schema.json', 'utf8')))

const frontMatter = (md: string): unknown => parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(md)![1]!)
const errors = (validate: typeof lessonSchema, data: unknown) => (validate(data) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`))

const BASE = { title: 'A', summary: 'S.', order: 1, protocol: 'sse', scenario: { server: { kind: 'live-score' } } }

describe('the JSON Schemas in docs/', () => {
  const slugs = readdirSync('lessons').filter((name) => /^\d{2}-/.test(name))

  it.each(slugs.map((s) => [s] as const))('accept the front matter of lesson %s as written', (slug) => {
    expect(errors(lessonSchema, frontMatter(readFileSync(join('lessons', slug, 'lesson.md'), 'utf8')))).toEqual([])
  })

  it('accept lessons/_parts.yml', () => {
    expect(errors(partsSchema, parse(readFileSync('lessons/_parts.yml', 'utf8')))).toEqual([])
  })

  it('require every field of a lesson without a part, down to the server', () => {
    expect(errors(lessonSchema, BASE)).toEqual([])
    const { title: _, ...untitled } = BASE
    expect(errors(lessonSchema, untitled)).toContain(" must have required property 'title'")
    expect(errors(lessonSchema, { ...BASE, scenario: { latencyMs: 10 } })).toContain("/scenario must have required property 'server'")
  })

  it('let a lesson in a part leave out what the part may supply, and still refuse unknown fields and wrong values', () => {
    expect(errors(lessonSchema, { title: 'A', summary: 'S.', order: 2, part: 'Streams', scenario: { latencyMs: 80 } })).toEqual([])
    expect(errors(lessonSchema, { title: 'A', part: 'Streams', scenario: { server: { intervalMs: 500 } } })).toEqual([])
    expect(errors(lessonSchema, { part: 'Streams', colour: 'red' })).toContain(' must NOT have additional properties')
    expect(errors(lessonSchema, { part: 'Streams', protocol: 'fax' })).toContain('/protocol must be equal to one of the allowed values')
    // a list replaces the part's list whole, so its items must be complete
    expect(errors(lessonSchema, { part: 'Streams', scenario: { faults: [{ kind: 'offline', atMs: 100 }] } }).join('\n')).toContain(
      "must have required property 'durationMs'",
    )
  })

  it('refuse a part that sets what only a lesson may (its title and order), or an unknown field', () => {
    const part = (defaults: object) => ({ parts: [{ title: 'Streams', defaults }] })
    expect(errors(partsSchema, part({ protocol: 'sse', scenario: { latencyMs: 80 } }))).toEqual([])
    expect(errors(partsSchema, part({ order: 3 })).join('\n')).toContain('must NOT have additional properties')
    expect(errors(partsSchema, part({ scenario: { latencyMs: -1 } })).join('\n')).toContain('must be >= 0')
  })
})
