// `LESSONS_DIR=../my-course npm start`: the dev server serves a course kept outside the project, and an
// edit to one of its lessons shows after a reload, in a course without _parts.yml or _claims.yml too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import { scaffoldLesson } from '../../src/lib/lesson/scaffold.ts'

const root = mkdtempSync(join(tmpdir(), 'wirelab-dev-course-'))
const lessonDir = scaffoldLesson(root, 'Outside the project')
let server: ViteDevServer
let url = ''
const saved = process.env.LESSONS_DIR

beforeAll(async () => {
  // vite.config.ts reads LESSONS_DIR when the server loads it
  process.env.LESSONS_DIR = root
  server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' })
  await server.listen()
  url = server.resolvedUrls!.local[0]!
})

afterAll(async () => {
  await server?.close()
  if (saved === undefined) delete process.env.LESSONS_DIR
  else process.env.LESSONS_DIR = saved
  rmSync(root, { recursive: true, force: true })
})

/** the lesson index module as the page imports it */
const lessonIndex = async () => (await fetch(`${url}@id/__x00__virtual:wirelab/lessons`)).text()

/** polls the index until `ok` holds (the watcher sees an edit a moment after it is written) */
async function indexWhen(ok: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const text = await lessonIndex()
    if (ok(text) || Date.now() > deadline) return text
    await new Promise((r) => setImmediate(r))
  }
}

describe('npm start with LESSONS_DIR', () => {
  it('serves the outside course, and an edit to a lesson after a reload', async () => {
    expect(await lessonIndex()).toContain('"title":"Outside the project"')
    const file = join(lessonDir, 'lesson.md')
    const seen = new Promise<void>((resolve) => server.watcher.on('change', (changed) => changed === file && resolve()))
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Outside the project"', 'title: "Edited outside"'))
    await seen
    const text = await indexWhen((t) => !t.includes('"title":"Outside the project"'))
    expect(text).toContain('"title":"Edited outside"')
    expect(text.startsWith('export const lessonIndex')).toBe(true)
  })
})
