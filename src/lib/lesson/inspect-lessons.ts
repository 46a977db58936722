// The checks of `lessons:check` (and the build) that need more than the lesson's files: each lesson's
// checks.ts loaded and dry-run (checks-module.ts), its own server.ts too (server-module.ts), and its
// mermaid diagrams parsed (mermaid-check.ts).
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectChecks, type LoadModule } from './checks-module.ts'
import type { LessonProblem } from './front-matter.ts'
import type { LoadedLesson } from './load-lessons.ts'
import { checkMermaid } from './mermaid-check.ts'
import { inspectServers } from './server-module.ts'

export async function inspectLessons(lessons: readonly LoadedLesson[], load: LoadModule, cwd = process.cwd()): Promise<LessonProblem[]> {
  const problems: LessonProblem[] = []
  for (const lesson of lessons) {
    const md = join(lesson.dir, 'lesson.md')
    problems.push(...(await checkMermaid(readFileSync(md, 'utf8'), relative(cwd, md))))
    problems.push(...(await inspectChecks(lesson, load, cwd)))
    problems.push(...(await inspectServers(lesson, load, cwd)))
  }
  return problems
}

/**
 * Runs `use` with a loader of lesson modules (TypeScript importing 'wirelab/checks'), for the build:
 * a Vite server of its own, without this project's config, closed afterwards.
 */
export async function withLessonModuleLoader<T>(use: (load: LoadModule) => Promise<T>): Promise<T> {
  const { createServer } = await import('vite')
  const here = dirname(fileURLToPath(import.meta.url))
  const checksApi = resolve(here, '../checks/index.ts')
  const serverApi = resolve(here, '../sim/server-api/index.ts')
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, entries: [] },
    resolve: { alias: { 'wirelab/checks': checksApi, 'wirelab/server': serverApi } },
  })
  try {
    const load: LoadModule = (file) => server.ssrLoadModule(file)
    load.fixStack = (error) => server.ssrFixStacktrace(error)
    return await use(load)
  } finally {
    await server.close()
  }
}
