// Every lesson is a test fixture: in Chromium, its starter fails at least one check and its
// solution passes them all.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { usePage } from './support/browser.ts'
import { checkStates, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

// LESSONS_DIR: `npm run lessons:check -- --run` runs an instructor's course through this same test
const { lessons } = loadLessons(resolve(process.env.LESSONS_DIR ?? 'lessons'))
const session = usePage()

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (slug, lesson) => {
  it('its starter fails at least one check', async () => {
    await openLesson(session.page, slug)
    // every mermaid diagram in the text draws (a block that does not parse shows an error instead)
    if (lesson.html.includes('language-mermaid')) await session.page.locator('.lesson-text .diagram').first().waitFor()
    expect(await session.page.locator('.lesson-text .diagram-error').allTextContents()).toEqual([])
    // skip ahead: the same trace as any speed (determinism.e2e.ts), and lesson 07 lasts a minute
    await setSpeed(session.page, Infinity)
    await replaceCode(session.page, lesson.starter)
    expect(await runToEnd(session.page)).toBe('finished')
    const states = await checkStates(session.page)
    expect(states.length).toBeGreaterThan(0)
    expect(states.some((s) => s.state === 'fail')).toBe(true)
  })

  it('its solution passes every check', async () => {
    await openLesson(session.page, slug)
    await setSpeed(session.page, Infinity)
    await replaceCode(session.page, lesson.solution)
    expect(await runToEnd(session.page)).toBe('finished')
    const states = await checkStates(session.page)
    expect(states.filter((s) => s.state !== 'pass')).toEqual([])
  })
})
