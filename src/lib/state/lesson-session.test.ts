// LessonSession in Node: what the lesson page shows of the code, an opened trace, the results kept from
// an earlier visit and the replay cursor. (A run itself needs the browser's workers and service worker:
// tests/e2e covers it; runs' state goes through the same RunOnScreen these tests read.)
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../lesson/load-lessons.ts'
import type { LessonCheck } from '../checks/index.ts'
import type { TraceEvent } from '../sim/trace.ts'
import { LessonSession } from './lesson-session.svelte.ts'
import { browserCodeStore, codeKey } from './code-store.ts'
import { browserProgressStore, progressKey, storedProgress } from './progress-store.ts'
import { emptyProgress } from './progress-record.ts'
import { MemoryStorage } from './memory-storage.test-support.ts'

const lesson = loadLessons(resolve('lessons')).lessons.find((l) => l.slug === '03-sse-first-stream')!
const checks: LessonCheck[] = [
  { id: 'one', title: 'Logs a score', check: () => ({ pass: true, message: 'ok' }) },
  { id: 'two', title: 'Closes the stream', check: () => ({ pass: false, message: 'not closed' }) },
] as unknown as LessonCheck[]

function open(storage = new MemoryStorage()) {
  const session = new LessonSession(lesson, checks, browserCodeStore(storage), browserProgressStore(storage))
  return { session, storage }
}

/** a short trace as a file would hold it: a request, its streaming response and two events */
const trace = [
  { seq: 1, kind: 'http.request', t: 0, arrives: 50, conn: 'c1', from: 'client', to: 'server', bytes: 60, method: 'GET', target: '/api/stream' },
  { seq: 2, kind: 'http.response', t: 50, arrives: 100, conn: 'c1', from: 'server', to: 'client', bytes: 80, status: 200, streaming: true },
  { seq: 3, kind: 'sse.event', t: 1000, arrives: 1050, conn: 'c1', from: 'server', to: 'client', bytes: 20, fields: { data: '1' } },
  { seq: 4, kind: 'sse.event', t: 2000, arrives: 2050, conn: 'c1', from: 'server', to: 'client', bytes: 20, fields: { data: '2' } },
] as unknown as TraceEvent[]

describe('LessonSession', () => {
  it('opens on the starter code, or on the code the learner saved, and saves edits', () => {
    const { session, storage } = open()
    expect(session.code).toBe(lesson.starter)
    expect(session.status).toBe('idle')
    session.edit('console.log(1)')
    expect(session.code).toBe('console.log(1)')
    session.flush()
    expect(storage.getItem(codeKey(lesson.slug))).toBe('console.log(1)')
    expect(open(storage).session.code).toBe('console.log(1)')
    // back to the starter: nothing of the learner's is kept
    session.reset()
    expect(session.code).toBe(lesson.starter)
    expect(storage.getItem(codeKey(lesson.slug))).toBeNull()
    session.useSolution()
    expect(storage.getItem(codeKey(lesson.slug))).toBe(lesson.solution)
    session.destroy()
  })

  it('says when storage is full, and keeps the edit in the tab', () => {
    const { session } = open(new MemoryStorage(600))
    session.edit('x'.repeat(1000))
    session.flush()
    expect(session.code).toBe('x'.repeat(1000))
    expect(session.saveProblem).toMatch(/storage for this site is full/)
    session.destroy()
  })

  it('shows the results of an earlier visit, with when they were made', () => {
    const storage = new MemoryStorage()
    const at = Date.UTC(2026, 10, 30)
    const results = [
      { id: 'one', pass: true, message: 'ok' },
      { id: 'two', pass: false, message: 'not closed' },
    ]
    storage.setItem(progressKey(lesson.slug), storedProgress({ ...emptyProgress(), lastRun: { at, results } }))
    const { session } = open(storage)
    expect(session.results?.map((r) => [r.title, r.pass, r.message])).toEqual([
      ['Logs a score', true, 'ok'],
      ['Closes the stream', false, 'not closed'],
    ])
    expect(session.resultsFrom).toBe(at)
    session.destroy()
  })

  it('replays an opened trace from its first step, nothing of the run before left on screen', () => {
    const storage = new MemoryStorage()
    storage.setItem(
      progressKey(lesson.slug),
      storedProgress({
        ...emptyProgress(),
        lastRun: {
          at: 1,
          results: [
            { id: 'one', pass: true, message: 'ok' },
            { id: 'two', pass: true, message: 'ok' },
          ],
        },
      }),
    )
    const { session } = open(storage)
    expect(session.results).not.toBeNull()
    session.loadTrace(trace)
    expect(session.status).toBe('imported')
    expect(session.running).toBe(false)
    expect(session.trace).toBe(trace)
    expect(session.results).toBeNull()
    expect(session.resultsFrom).toBeNull()
    expect(session.errors).toEqual([])
    expect(session.outputs).toEqual([])
    expect(session.simNow).toBe(2050)
    expect(session.playback.position).toBe(0)
    expect(session.playback.visible(session.trace)).toEqual([])
    session.playback.forward()
    session.playback.forward()
    expect(session.playback.current?.seq).toBe(2)
    session.select(3)
    expect(session.selected).toBe(trace[2])
    session.select(99)
    expect(session.selected).toBeNull()
    // another file: the selection of the one before goes with it
    session.select(4)
    session.loadTrace(trace.slice(0, 2))
    expect(session.selectedSeq).toBeNull()
    expect(session.simNow).toBe(100)
    session.destroy()
  })

  it('keeps the learner’s choices for the next run', () => {
    const { session } = open()
    expect(session.brokerOn).toBe(lesson.meta.scenario.broker !== null)
    session.chooseBroker(true)
    session.chooseStartPaused(true)
    expect([session.brokerOn, session.startPaused]).toEqual([true, true])
    // the run on screen had no broker: its diagram does not draw one until a run has it
    expect(session.brokerInRun).toBe(lesson.meta.scenario.broker !== null)
    session.destroy()
  })
})
