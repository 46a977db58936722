import { describe, expect, it } from 'vitest'
import { formatLogValue, logValueToData, toLogValue } from './log-value.ts'

describe('log values', () => {
  it('keeps objects as data for checks and formats them like a console', () => {
    const v = toLogValue({ match: 'Lions vs Tigers', home: 1, away: 0, tags: ['live'] })
    expect(logValueToData(v)).toEqual({ match: 'Lions vs Tigers', home: 1, away: 0, tags: ['live'] })
    expect(formatLogValue(v)).toBe('{match: "Lions vs Tigers", home: 1, away: 0, tags: ["live"]}')
  })

  it('shows strings bare at the top level, and survives cycles, functions and errors', () => {
    expect(formatLogValue(toLogValue('hi'))).toBe('hi')
    const a: Record<string, unknown> = { f() {} }
    a.self = a
    expect(formatLogValue(toLogValue(a))).toBe('{f: ƒ f(), self: [Circular]}')
    expect(formatLogValue(toLogValue(new TypeError('bad')))).toBe('TypeError: bad')
  })

  it('caps huge arrays', () => {
    const v = toLogValue(Array.from({ length: 150 }, (_, i) => i))
    expect(v.type === 'array' && v.items.length).toBe(100)
    expect(formatLogValue(v)).toMatch(/…50 more\]$/)
  })
})
