// Progress that is never lost: a solved lesson shows on the home page after a reload, offers the next
// lesson, and keeps its check results and answers; all progress goes out as one file and comes back
// (a wrong file is refused and nothing is overwritten); full storage is said, with a way to keep the
// progress; two tabs never lose each other's progress; a damaged stored value costs that value only.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseURL, freshPage as freshBrowserPage, launchChromium } from './support/browser.ts'
import { checkStates } from './support/lesson-page.ts'
import { answerAllRight, questionsOf, runSolution, solutionOf } from './support/solve-lesson.ts'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** how many lessons the course has (the home page counts them) */
const TOTAL = loadLessons(resolve('lessons')).lessons.length
const FIRST = '01-short-polling'
const SECOND = '02-long-polling'
/** the lesson page is ready to edit (the plain text box: these tests are not about the editor) */
const editorReady = (page: Page) => page.locator('.fallback-note').waitFor({ timeout: 20_000 })

/** a fresh browser context whose pages do without Monaco: the plain text box is quicker to drive */
async function freshPage(b: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const opened = await freshBrowserPage(b)
  await opened.page.context().route(/\/assets\/monaco-[^/]+\.js$/, (route) => route.abort())
  return opened
}
const solvedCount = (page: Page) => page.getByTestId('solved-count').textContent()
const lessonState = (page: Page, slug: string) => page.locator(`[data-testid=lesson-item][data-slug="${slug}"]`).getAttribute('data-state')
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key)

async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`${baseURL()}#/lesson/${slug}`)
  await editorReady(page)
}

async function solve(page: Page, slug: string): Promise<void> {
  await openLesson(page, slug)
  await runSolution(page, slug)
  await answerAllRight(page, slug)
  await page.getByTestId('solved').waitFor()
}

/** what the file a button downloads holds, as JSON */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; json: Record<string, unknown>; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const text = readFileSync((await download.path())!, 'utf8')
  return { name: download.suggestedFilename(), json: JSON.parse(text) as Record<string, unknown>, text }
}

describe('a solved lesson', () => {
  it('shows on the home page after a reload, offers the next lesson, and keeps its results and answers', async () => {
    const { page, pageErrors } = await freshPage(browser)
    await page.goto(baseURL())
    expect(await solvedCount(page)).toBe(`0 of ${TOTAL} lessons solved`)
    expect(await page.getByTestId('continue').textContent()).toBe('Short polling: ask again and again →')
    await page.getByTestId('continue').click()
    await editorReady(page)
    await runSolution(page, FIRST)
    // the checks alone do not solve it: the questions count too
    expect(await page.getByTestId('solved').count()).toBe(0)
    await answerAllRight(page, FIRST)
    const solved = page.getByTestId('solved')
    await solved.waitFor()
    expect(await solved.getByTestId('next-lesson').textContent()).toBe('Next lesson: Long polling: let the server wait →')

    await page.reload()
    await editorReady(page)
    await page.getByTestId('solved').waitFor()
    const checks = await checkStates(page)
    expect(checks.length).toBeGreaterThan(0)
    expect(checks.filter((c) => c.state !== 'pass')).toEqual([])
    expect(await page.getByTestId('results-from').textContent()).toMatch(/^From your last run, on .+\. Press Run to check again\.$/)
    for (const q of questionsOf(FIRST)) {
      expect(await page.locator(`[data-testid=question][data-question="${q.id}"]`).getAttribute('data-state')).toBe('right')
    }

    await page.goto(baseURL())
    expect(await solvedCount(page)).toBe(`1 of ${TOTAL} lessons solved`)
    expect(await lessonState(page, FIRST)).toBe('solved')
    expect(await page.getByTestId('course-progress').locator('.next').textContent()).toBe('Next lesson: Long polling: let the server wait →')

    await page.goto(`${baseURL()}#/lesson/${FIRST}`)
    await page.getByTestId('next-lesson').click()
    await editorReady(page)
    expect(page.url()).toBe(`${baseURL()}#/lesson/${SECOND}`)
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})

describe('all progress as one file', () => {
  it('exports and imports back into a fresh browser; a wrong file is refused and nothing is overwritten', async () => {
    const { page } = await freshPage(browser)
    await solve(page, FIRST)
    await page.goto(baseURL())
    const file = await downloaded(page, () => page.getByRole('button', { name: 'Export progress' }).click())
    expect(file.name).toMatch(/^wirelab-progress-\d{4}-\d{2}-\d{2}\.json$/)
    expect(file.json).toMatchObject({ format: 'wirelab-progress', version: 1 })
    const lessons = file.json.lessons as Record<string, { code: string; progress: { solvedAt: number | null } }>
    expect(Object.keys(lessons)).toEqual([FIRST])
    expect(lessons[FIRST]!.code).toBe(solutionOf(FIRST))
    expect(lessons[FIRST]!.progress.solvedAt).toEqual(expect.any(Number))
    await page.context().close()

    const { page: other } = await freshPage(browser)
    await other.goto(baseURL())
    await other.evaluate(() => localStorage.setItem('wirelab:code:03-sse-first-stream', '// mine'))
    const choose = (name: string, text: string) =>
      other.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
    const message = other.getByTestId('import-message')
    const refused = [
      ['notes.json', '{"hello": 1}', 'This is not a Wirelab progress file (it has no "format": "wirelab-progress").'],
      ['photo.json', 'GIF89a', 'This is not a Wirelab progress file: it is not JSON.'],
      [
        'other-course.json',
        '{"format":"wirelab-progress","version":1,"lessons":{"rust-basics":{"code":null,"progress":{}}}}',
        'This progress file is for another course: none of its lessons (rust-basics) is in this one.',
      ],
      [
        'damaged.json',
        file.text.replace('"solvedAt": ', '"solvedAt": "soon", "x": '),
        `This progress file is damaged: lessons.${FIRST}.progress has unknown fields: x. Nothing was imported.`,
      ],
    ]
    for (const [name, text, expected] of refused) {
      await choose(name!, text!)
      await expect.poll(() => message.textContent()).toBe(expected)
      expect(await message.getAttribute('role')).toBe('alert')
      expect(await other.locator('dialog[open]').count()).toBe(0)
    }
    expect(await stored(other, 'wirelab:code:03-sse-first-stream')).toBe('// mine')
    expect(await stored(other, `wirelab:code:${FIRST}`)).toBeNull()
    expect(await solvedCount(other)).toBe(`0 of ${TOTAL} lessons solved`)

    // the right file: asked first, then imported
    await choose('progress.json', file.text)
    const dialog = other.locator('dialog[open]')
    await dialog.waitFor()
    expect(await dialog.locator('li').allTextContents()).toEqual(['Short polling: ask again and again'])
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => message.textContent()).toBe('Imported your progress in 1 lesson.')
    expect(await solvedCount(other)).toBe(`1 of ${TOTAL} lessons solved`)
    expect(await stored(other, 'wirelab:code:03-sse-first-stream')).toBe('// mine')
    await openLesson(other, FIRST)
    await other.getByTestId('solved').waitFor()
    expect(await stored(other, `wirelab:code:${FIRST}`)).toBe(solutionOf(FIRST))
    await other.context().close()
  })
})

describe('when storage fails', () => {
  it('says so when it is full, and the progress kept in the tab can be exported', async () => {
    const { page } = await freshPage(browser)
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('wirelab:progress:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return setItem.call(this, key, value)
      }
    })
    await openLesson(page, FIRST)
    const warning = page.getByTestId('progress-problem')
    await warning.waitFor()
    expect(await warning.locator('p').textContent()).toBe(
      'Browser storage for this site is full, so your progress (check results, solved lessons, answers) is kept only in this tab. Export your progress to keep it safe.',
    )
    await runSolution(page, FIRST)
    await answerAllRight(page, FIRST)
    await page.getByTestId('solved').waitFor()
    const file = await downloaded(page, () => warning.getByRole('button', { name: 'Export all progress' }).click())
    const lesson = (file.json.lessons as Record<string, { progress: { solvedAt: number | null; lastRun: { results: Array<{ pass: boolean }> } } }>)[FIRST]!
    expect(lesson.progress.solvedAt).toEqual(expect.any(Number))
    expect(lesson.progress.lastRun.results.every((r) => r.pass)).toBe(true)
    expect(await stored(page, `wirelab:progress:${FIRST}`)).toBeNull()
    await page.context().close()
  })

  it('reads a damaged stored value as no progress for that lesson only, says which, and carries on', async () => {
    const { page, pageErrors } = await freshPage(browser)
    await page.goto(baseURL())
    await page.evaluate(
      ([first, second]) => {
        localStorage.setItem(`wirelab:progress:${first}`, '{"v":1,"progress":{"solvedAt":')
        const solved = { lastRun: null, solvedAt: 1_700_000_000_000, visitedAt: 1_700_000_000_000, answers: {} }
        localStorage.setItem(`wirelab:progress:${second}`, JSON.stringify({ v: 1, progress: solved }))
      },
      [FIRST, SECOND],
    )
    await page.reload()
    expect(await solvedCount(page)).toBe(`1 of ${TOTAL} lessons solved`)
    expect(await lessonState(page, FIRST)).toBe('new')
    expect(await lessonState(page, SECOND)).toBe('solved')
    expect(await page.getByTestId('course-progress').getByRole('alert').textContent()).toBe(
      'The saved progress of Short polling: ask again and again could not be read, so it starts afresh; the rest of your progress is kept.',
    )
    await solve(page, FIRST)
    await page.goto(baseURL())
    expect(await solvedCount(page)).toBe(`2 of ${TOTAL} lessons solved`)
    expect(await page.getByTestId('course-progress').getByRole('alert').count()).toBe(0)
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})

describe('two tabs', () => {
  it("never lose each other's progress, and the home page follows the other tab", async () => {
    const { page: home } = await freshPage(browser)
    await home.goto(baseURL())
    const lesson = await home.context().newPage()
    await solve(lesson, FIRST)
    await expect.poll(() => solvedCount(home)).toBe(`1 of ${TOTAL} lessons solved`)

    // one tab answers the questions of a lesson, the other runs it: both are kept
    await openLesson(home, SECOND)
    await openLesson(lesson, SECOND)
    await answerAllRight(home, SECOND)
    await runSolution(lesson, SECOND)
    const kept = JSON.parse((await stored(lesson, `wirelab:progress:${SECOND}`))!) as { progress: { answers: object; lastRun: object | null } }
    expect(Object.keys(kept.progress.answers)).toEqual(questionsOf(SECOND).map((q) => q.id))
    expect(kept.progress.lastRun).not.toBeNull()
    // together they solve it: the next visit sees both
    await home.reload()
    await editorReady(home)
    await home.getByTestId('solved').waitFor()
    await home.context().close()
  })
})
