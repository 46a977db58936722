// `npm run lessons:check -- --run`: builds the course into a folder of its own, serves it on 127.0.0.1,
// and runs every lesson in Chromium (lesson-run.ts), printing one plain line per lesson as it is judged.
import { resolve } from 'node:path'
import { build, preview } from 'vite'
import { loadLessons } from '../../../src/lib/lesson/load-lessons.ts'
import { verdictLine, lessonProblems } from '../../../src/lib/lesson/run-verdict.ts'
import { freshPage, launchChromium } from './browser.ts'
import { runLessonInPage } from './lesson-run.ts'

/** runs every lesson of `dir`; returns how many have problems */
export async function runCourse(dir: string, print: (line: string) => void): Promise<number> {
  const outDir = resolve('.lessons-check/dist')
  // vite.config.ts reads both when it is loaded, i.e. by build() and preview() below
  process.env.LESSONS_DIR = dir
  process.env.WIRELAB_OUT_DIR = outDir
  print(`Building the course into ${outDir} …`)
  await build({ logLevel: 'error' })
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' })
  const address = server.httpServer.address()
  const browser = await launchChromium()
  let bad = 0
  try {
    if (!address || typeof address === 'string') throw new Error('the preview server did not start on a TCP port')
    const baseURL = `http://127.0.0.1:${address.port}/`
    const { lessons } = loadLessons(dir)
    print(`Running ${lessons.length} lesson${lessons.length === 1 ? '' : 's'} in Chromium (starter, then solution):`)
    for (const lesson of lessons) {
      // a fresh page per lesson: one lesson's leftovers (a stuck run, a crashed worker) cannot blame the next
      const { page, pageErrors } = await freshPage(browser)
      try {
        const report = { ...(await runLessonInPage(page, baseURL, lesson)), pageErrors }
        if (lessonProblems(report).length) bad++
        print(verdictLine(report))
      } catch (error) {
        bad++
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error)
        print(`✗ ${lesson.slug}: the lesson could not be run in the page (${why})${pageErrors.length ? `; the page threw: ${pageErrors[0]}` : ''}`)
      } finally {
        await page.context().close()
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return bad
}
