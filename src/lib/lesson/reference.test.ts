// The JSON Schema and the field reference in docs/ are generated from the zod schema: this test fails
// when they are stale (run `npm run lessons:schema`).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fieldReference, lessonJsonSchema, withFieldReference } from './reference.ts'

describe('generated lesson docs', () => {
  it('docs/lesson.schema.json is the schema of today', () => {
    expect(JSON.parse(readFileSync('docs/lesson.schema.json', 'utf8'))).toEqual(lessonJsonSchema())
  })

  it('the field reference in docs/authoring.md is up to date and describes every field', () => {
    const guide = readFileSync('docs/authoring.md', 'utf8')
    expect(withFieldReference(guide)).toBe(guide)
    const reference = fieldReference()
    for (const field of ['`title`', '`scenario.server`', '`scenario.faults`', '`scenario.broker.latencyMs`', '`types`']) expect(reference).toContain(field)
    // every row has a description
    expect(reference.split('\n').filter((r) => r.startsWith('| `') && r.trimEnd().endsWith('|  |'))).toEqual([])
  })
})
