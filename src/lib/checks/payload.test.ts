import { describe, expect, it } from 'vitest'
import { carries } from './payload.ts'

const score = '{"match":"Lions vs Tigers","minute":6,"home":1,"away":0}'

describe('a logged value came from the data an event carried', () => {
  it('the parsed object, a field of it, or a line built from its fields', () => {
    expect(carries(score, [JSON.parse(score)])).toBe(true)
    expect(carries(score, [{ home: 1, away: 0 }])).toBe(true)
    expect(carries(score, ['Lions vs Tigers'])).toBe(true)
    expect(carries(score, ['#6', 'Lions vs Tigers', '1–0'])).toBe(true)
    expect(carries('{"messages":[{"id":1,"from":"Ada","text":"Lunch at noon?"}],"last":1}', ['Ada: Lunch at noon?'])).toBe(true)
    expect(carries('plain text', ['plain text'])).toBe(true)
  })

  it('not when the value is not in that data', () => {
    expect(carries(score, [{ home: 0, away: 0 }])).toBe(false)
    expect(carries(score, ['Lions vs Bears'])).toBe(false)
    expect(carries('{"messages":[],"last":0}', ['Ada: Lunch at noon?'])).toBe(false)
    expect(carries(undefined, ['x'])).toBe(false)
    // nothing logged proves nothing
    expect(carries(score, [])).toBe(false)
    expect(carries(score, ['  '])).toBe(false)
  })
})
