// Every lesson is a fixture: the real lessons/ folder must load without a single problem. (That each
// solution passes its checks and each starter does not is proved in Chromium: tests/e2e/lessons.e2e.ts.)
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem, loadLessons } from './load-lessons.ts'
import { inspectLessons } from './inspect-lessons.ts'

const { lessons, problems } = loadLessons(resolve('lessons'))

describe('the lessons in lessons/', () => {
  it('are all valid', () => {
    expect(problems.map(formatProblem)).toEqual([])
    expect(lessons.length).toBeGreaterThan(0)
  })

  it.each(lessons.map((l) => [l.slug, l] as const))('%s has distinct starter and solution code (client or server) and a checks module', async (_, lesson) => {
    expect(lesson.starter.trim()).not.toBe('')
    // a lesson whose server the learner edits may have its work on the server side only
    const work = [lesson.starter !== lesson.solution, lesson.serverCode ? lesson.serverCode.starter !== lesson.serverCode.solution : false]
    expect(work.some(Boolean)).toBe(true)
    const { default: checks } = (await import(lesson.checksFile)) as { default: Array<{ id: string; title: string }> }
    expect(checks.length).toBeGreaterThan(0)
    for (const check of checks) expect(check.title).not.toBe('')
  })

  it('have checks that load and answer a run where nothing happened, and diagrams that parse', async () => {
    expect((await inspectLessons(lessons, (file) => import(file))).map(formatProblem)).toEqual([])
  }, 60_000)

  it('include the SSE walking-skeleton lesson with a mermaid diagram in its text', () => {
    const sse = lessons.find((l) => l.slug === '03-sse-first-stream')
    expect(sse?.meta.title).toBe('Server-Sent Events: your first stream')
    expect(sse?.html).toContain('<code class="language-mermaid">')
  })
})

describe('loading a broken lessons folder', () => {
  it('reports each problem with its file', () => {
    const result = loadLessons(resolve('src/lib/lesson/fixtures/broken'), resolve('src/lib/lesson/fixtures'))
    expect(result.problems.map(formatProblem)).toEqual([
      'broken/01-missing-files/starter.js:1:1 starter: missing starter.js: the starter file, since lesson.md names none (add it, or name another with "starter:")',
      'broken/01-missing-files/solution.js:1:1 solution: missing solution.js: the solution file, since lesson.md names none (add it, or name another with "solution:")',
      'broken/01-missing-files/checks.ts:1:1 missing checks.ts (every lesson needs at least one automatic check)',
      'broken/Bad Name:1:1 folder name "Bad Name" must look like "01-my-lesson" (two digits, a dash, lower-case words joined by dashes)',
    ])
  })
})
