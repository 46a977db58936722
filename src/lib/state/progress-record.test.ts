import { describe, expect, it } from 'vitest'
import { emptyProgress, mergeProgress, parseProgress, restoredResults, started, type LessonProgress } from './progress-record.ts'

const solved: LessonProgress = {
  lastRun: { at: 2000, results: [{ id: 'a', pass: true, message: 'ok' }] },
  solvedAt: 2000,
  visitedAt: 1000,
  answers: { 'why-sse': { chosen: [1], checked: true, at: 1500 } },
}

describe('a stored progress record', () => {
  it('reads back what was written, as a new object', () => {
    const copy = parseProgress(JSON.parse(JSON.stringify(solved)))
    expect(copy).toEqual(solved)
    expect(copy.answers['why-sse']!.chosen).not.toBe(solved.answers['why-sse']!.chosen)
  })

  it('names the first field that is wrong', () => {
    const bad = (patch: object) => () => parseProgress({ ...solved, ...patch })
    expect(bad({ solvedAt: 'yesterday' })).toThrow('progress.solvedAt is not a time')
    expect(bad({ lastRun: { at: 1, results: [{ id: 'a', pass: 'yes', message: '' }] } })).toThrow('progress.lastRun.results[0].pass is not true or false')
    expect(bad({ answers: { 'why-sse': { chosen: [-1], checked: true, at: 1 } } })).toThrow('progress.answers.why-sse.chosen is not a list of option numbers')
    expect(bad({ extra: 1 })).toThrow('progress has unknown fields: extra')
    expect(() => parseProgress([])).toThrow('progress is not a progress record')
    expect(() => parseProgress(null)).toThrow('progress is not a progress record')
  })

  it('never lets a key reach an object prototype', () => {
    const hostile = JSON.parse('{"answers": {"__proto__": {"chosen": [0], "checked": true, "at": 1}}}')
    expect(() => parseProgress(hostile)).toThrow('which is no question id')
    expect(({} as Record<string, unknown>).chosen).toBeUndefined()
  })

  it('caps what it reads', () => {
    const results = Array.from({ length: 201 }, (_, i) => ({ id: `c${i}`, pass: true, message: '' }))
    expect(() => parseProgress({ lastRun: { at: 1, results } })).toThrow('progress.lastRun.results is not a list of check results')
    expect(() => parseProgress({ lastRun: { at: 1, results: [{ id: 'x'.repeat(2001), pass: true, message: '' }] } })).toThrow(/id is not a text/)
  })
})

describe('two tabs saving one lesson', () => {
  it('keep what each knows: solved stays solved, the latest run and the latest answer win', () => {
    const other: LessonProgress = {
      lastRun: { at: 3000, results: [{ id: 'a', pass: false, message: 'no' }] },
      solvedAt: null,
      visitedAt: 2500,
      answers: { 'why-sse': { chosen: [0], checked: false, at: 1200 }, other: { chosen: [2], checked: true, at: 2600 } },
    }
    const merged = mergeProgress(solved, other)
    expect(merged).toEqual({
      lastRun: other.lastRun,
      solvedAt: 2000,
      visitedAt: 2500,
      answers: { 'why-sse': solved.answers['why-sse'], other: other.answers.other },
    })
    expect(mergeProgress(other, solved)).toEqual(merged)
    expect(mergeProgress(emptyProgress(), solved)).toEqual(solved)
  })
})

describe('check results shown again', () => {
  it('only while the lesson has the same checks', () => {
    expect(restoredResults(solved, ['a'])).toEqual(solved.lastRun!.results)
    expect(restoredResults(solved, ['a', 'b'])).toBeNull()
    expect(restoredResults(solved, ['b'])).toBeNull()
    expect(restoredResults(emptyProgress(), ['a'])).toBeNull()
  })

  it('a lesson is started once visited, run or answered', () => {
    expect(started(emptyProgress())).toBe(false)
    expect(started({ ...emptyProgress(), visitedAt: 1 })).toBe(true)
  })
})
