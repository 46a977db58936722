// Every lesson is a test fixture: in Chromium, its diagrams draw, its starter fails at least one check
// and its solution passes them all (the judgement `npm run lessons:check -- --run` prints as one line).
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { lessonProblems } from '../../src/lib/lesson/run-verdict.ts'
import { baseURL, usePage } from './support/browser.ts'
import { runLessonInPage } from './support/lesson-run.ts'

const { lessons } = loadLessons(resolve(process.env.LESSONS_DIR ?? 'lessons'))
const session = usePage()

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (_, lesson) => {
  it('draws its diagrams; its starter fails at least one check and its solution passes every check', async () => {
    const report = await runLessonInPage(session.page, baseURL(), lesson)
    expect(lessonProblems(report)).toEqual([])
  }, 600_000)
})
