import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserProgressStore, NO_STORAGE, progressKey, storedProgress } from './progress-store.ts'
import { emptyProgress, type LessonProgress } from './progress-record.ts'
import { MemoryStorage } from './memory-storage.test-support.ts'

const visited = (at: number): LessonProgress => ({ ...emptyProgress(), visitedAt: at })

afterEach(() => vi.restoreAllMocks())

describe('progress in browser storage', () => {
  it('saves and loads a lesson, merging with what another tab saved meanwhile', () => {
    const storage = new MemoryStorage()
    const store = browserProgressStore(storage)
    expect(store.save('a', visited(1))).toEqual({ progress: visited(1), problem: null })
    // another tab solved it meanwhile
    storage.setItem(progressKey('a'), storedProgress({ ...visited(2), solvedAt: 2 }))
    const { progress } = store.save('a', visited(3))
    expect(progress).toEqual({ ...visited(3), solvedAt: 2 })
    expect(store.load('a')).toEqual({ ...visited(3), solvedAt: 2 })
  })

  it('reads a damaged lesson as none, keeps the others, and replaces it at the next save', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = new MemoryStorage()
    storage.setItem(progressKey('a'), '{"v":1,"progress":{"solvedAt":"oops"}')
    storage.setItem(progressKey('b'), '{"v":1,"progress":{"solvedAt":"oops"}}')
    storage.setItem(progressKey('c'), storedProgress(visited(5)))
    const store = browserProgressStore(storage)
    expect(store.load('a')).toEqual(emptyProgress())
    expect(store.load('b')).toEqual(emptyProgress())
    expect(store.load('c')).toEqual(visited(5))
    expect([...store.damaged]).toEqual(['a', 'b'])
    expect(store.save('a', visited(6)).problem).toBeNull()
    expect(store.load('a')).toEqual(visited(6))
    expect([...store.damaged]).toEqual(['b'])
  })

  it('says so when storage is full, and keeps the progress in hand', () => {
    const store = browserProgressStore(new MemoryStorage(40))
    const { progress, problem } = store.save('a', visited(1))
    expect(progress).toEqual(visited(1))
    expect(problem).toBe(
      'Browser storage for this site is full, so your progress (check results, solved lessons, answers) is kept only in this tab. Export your progress to keep it safe.',
    )
  })

  it('says so when there is no storage at all', () => {
    const store = browserProgressStore(null)
    expect(store.unavailable).toBe(NO_STORAGE)
    expect(store.save('a', visited(1)).problem).toBe(NO_STORAGE)
    expect(store.load('a')).toEqual(emptyProgress())
  })
})
