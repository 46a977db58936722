// One lesson run in Chromium as an instructor's check does it: its diagrams draw, then its starter and
// its solution each run to the end (skipping ahead) and the checks panel is read. Used by
// tests/e2e/lessons.e2e.ts and by `npm run lessons:check -- --run` (run-course.ts), so both judge alike.
import type { Page } from 'playwright-core'
import type { LessonRunReport, CodeRun } from '../../../src/lib/lesson/run-verdict.ts'
import { checkStates, replaceCode, replaceServerCode, setSpeed } from './lesson-page.ts'

/** a long lesson skipping ahead on a busy machine can take a minute: wait for the run's end, not for a clock */
const RUN_TIMEOUT_MS = 300_000

export interface LessonToRun {
  slug: string
  starter: string
  solution: string
  html: string
  /** the server code the learner edits, when the lesson has a server tab */
  serverCode?: { starter: string; solution: string } | null
}

export async function runLessonInPage(page: Page, baseURL: string, lesson: LessonToRun): Promise<LessonRunReport> {
  await page.goto(`${baseURL}#/lesson/${lesson.slug}`)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
  // every mermaid block is replaced by its drawing, or by "This diagram could not be drawn: …"
  if (lesson.html.includes('language-mermaid')) await page.waitForFunction(() => !document.querySelector('.lesson-text pre > code.language-mermaid'))
  const diagramErrors = await page.locator('.lesson-text .diagram-error').allTextContents()
  // skip ahead: the same trace as any speed (determinism.e2e.ts), and lesson 07 lasts a minute
  await setSpeed(page, Infinity)
  const run = async (code: string, serverCode?: string): Promise<CodeRun> => {
    if (serverCode !== undefined) await replaceServerCode(page, serverCode)
    await replaceCode(page, code)
    await page.getByRole('button', { name: '▶ Run' }).click()
    await page.waitForFunction(
      () => {
        const s = document.querySelector('.status')?.getAttribute('data-status')
        return s && !['idle', 'starting', 'running'].includes(s)
      },
      undefined,
      { timeout: RUN_TIMEOUT_MS },
    )
    const status = (await page.locator('.status').getAttribute('data-status')) ?? ''
    return { status, checks: await checkStates(page) }
  }
  const starter = await run(lesson.starter, lesson.serverCode?.starter)
  const solution = await run(lesson.solution, lesson.serverCode?.solution)
  return { slug: lesson.slug, diagramErrors, starter, solution }
}
