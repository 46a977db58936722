import { describe, expect, it } from 'vitest'
import { applyProgress, collectProgress, progressFileName, progressFileText, readProgressFile, type LessonSnapshot } from './progress-file.ts'
import { emptyProgress } from './progress-record.ts'
import { progressKey, storedProgress } from './progress-store.ts'
import { codeKey } from './code-store.ts'
import { MemoryStorage } from './memory-storage.test-support.ts'

const course = ['01-short-polling', '02-long-polling', '03-sse']
const solved: LessonSnapshot = {
  code: 'setInterval(poll, 2000)',
  progress: { lastRun: { at: 5, results: [{ id: 'polls', pass: true, message: 'ok' }] }, solvedAt: 5, visitedAt: 4, answers: {} },
}
const now = new Date('2026-11-02T10:00:00Z')

describe('the progress file', () => {
  it('round-trips every lesson a learner began, with format and version', () => {
    const storage = new MemoryStorage()
    storage.setItem(codeKey('01-short-polling'), solved.code!)
    storage.setItem(progressKey('01-short-polling'), storedProgress(solved.progress))
    storage.setItem(progressKey('02-long-polling'), storedProgress({ ...emptyProgress(), visitedAt: 9 }))
    const text = progressFileText(collectProgress(storage, course), now)
    expect(JSON.parse(text)).toMatchObject({ format: 'wirelab-progress', version: 1, exportedAt: '2026-11-02T10:00:00.000Z' })
    expect(Object.keys(JSON.parse(text).lessons)).toEqual(['01-short-polling', '02-long-polling'])
    expect(progressFileName(now)).toBe('wirelab-progress-2026-11-02.json')

    const read = readProgressFile(text, course)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const elsewhere = new MemoryStorage()
    expect(applyProgress(elsewhere, read.lessons)).toBeNull()
    expect(collectProgress(elsewhere, course)).toEqual(collectProgress(storage, course))
  })

  it("exports this tab's state of the open lesson, stored or not", () => {
    const lessons = collectProgress(new MemoryStorage(), course, { slug: '03-sse', snapshot: solved })
    expect([...lessons]).toEqual([['03-sse', solved]])
  })

  it('refuses what is not one, with a message that says why', () => {
    const message = (text: string) => {
      const read = readProgressFile(text, course)
      return read.ok ? 'accepted' : read.message
    }
    expect(message('not json')).toBe('This is not a Wirelab progress file: it is not JSON.')
    expect(message('[1]')).toBe('This is not a Wirelab progress file: it holds no progress.')
    expect(message('{"format":"something-else","version":1,"lessons":{}}')).toBe(
      'This is not a Wirelab progress file (it has no "format": "wirelab-progress").',
    )
    expect(message('{"format":"wirelab-progress","version":2,"lessons":{}}')).toBe(
      'This progress file was made by a newer Wirelab (version 2); this one reads version 1. Update the course, then import it again.',
    )
    expect(message('{"format":"wirelab-progress","version":1,"lessons":{"01-short-polling":{"code":1,"progress":{}}}}')).toBe(
      'This progress file is damaged: lessons.01-short-polling.code is not code of at most 200000 characters. Nothing was imported.',
    )
    expect(message('{"format":"wirelab-progress","version":1,"lessons":{"01-short-polling":{"code":null,"progress":{"visitedAt":"x"}}}}')).toBe(
      'This progress file is damaged: lessons.01-short-polling.progress.visitedAt is not a time. Nothing was imported.',
    )
    expect(message('{"format":"wirelab-progress","version":1,"lessons":{"rust-basics":{"code":null,"progress":{}}}}')).toBe(
      'This progress file is for another course: none of its lessons (rust-basics) is in this one.',
    )
    expect(message('x'.repeat(5 * 1024 * 1024 + 1))).toBe('This file is too large (5.0 MB) to be a Wirelab progress file.')
  })

  it("imports a course's lessons and names the ones it does not have", () => {
    const text = '{"format":"wirelab-progress","version":1,"lessons":{"03-sse":{"code":"x","progress":{}},"99-extra":{"code":null,"progress":{}}}}'
    const read = readProgressFile(text, course)
    expect(read.ok && [...read.lessons.keys()]).toEqual(['03-sse'])
    expect(read.ok && read.ignored).toEqual(['99-extra'])
  })

  it('writes all or nothing: when storage fills up half-way, what was there is put back', () => {
    const storage = new MemoryStorage(400)
    storage.setItem(codeKey('01-short-polling'), 'mine')
    const big: LessonSnapshot = { code: 'y'.repeat(300), progress: emptyProgress() }
    const lessons = new Map([
      ['01-short-polling', solved],
      ['02-long-polling', big],
    ])
    expect(applyProgress(storage, lessons)).toBe('Browser storage for this site is full, so nothing was imported: what you had is unchanged.')
    expect(storage.getItem(codeKey('01-short-polling'))).toBe('mine')
    expect(storage.getItem(progressKey('01-short-polling'))).toBeNull()
    expect(storage.getItem(codeKey('02-long-polling'))).toBeNull()
  })
})
