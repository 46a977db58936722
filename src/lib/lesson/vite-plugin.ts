// Vite plugin: lessons become virtual modules. `virtual:wirelab/lessons` holds the small index the home
// page needs; each lesson's content and checks are a separate chunk, loaded when it is opened.
// Invalid lessons stop the build (and show in the dev server's overlay) with file:line messages.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { formatProblem, loadLessons, summarise, type LoadResult } from './load-lessons.ts'

const INDEX_ID = 'virtual:wirelab/lessons'
const LESSON_PREFIX = 'virtual:wirelab/lesson/'
/** the lab's questions (lessons/_lab.yml), in the lab page's own chunk */
const LAB_ID = 'virtual:wirelab/lab'

export function wirelabLessons(options: { dir: string }): Plugin {
  let result: LoadResult | null = null
  const load = (): LoadResult => {
    const loaded = loadLessons(options.dir)
    if (loaded.problems.length > 0) {
      throw new Error(`Invalid lessons in ${options.dir}:\n${loaded.problems.map(formatProblem).join('\n')}`)
    }
    return loaded
  }
  let building = false
  return {
    name: 'wirelab-lessons',
    configResolved(config) {
      building = config.command === 'build'
    },
    // a build also refuses TypeScript errors in starters, solutions and checks (as lessons:check
    // does); the dev server skips that pass to start fast
    async buildStart() {
      if (!building) return
      result = load()
      const { typecheckLessons } = await import('./typecheck.ts')
      const { inspectLessons, withLessonModuleLoader } = await import('./inspect-lessons.ts')
      const problems = typecheckLessons(result.lessons)
      // checks.ts loaded in Node (through this build's module runner) and dry-run; diagrams parsed
      const lessons = result.lessons
      if (!problems.length) problems.push(...(await withLessonModuleLoader((load) => inspectLessons(lessons, load))))
      if (problems.length) throw new Error(`Invalid lessons in ${options.dir}:\n${problems.map(formatProblem).join('\n')}`)
    },
    resolveId(id) {
      if (id === INDEX_ID || id === LAB_ID || id.startsWith(LESSON_PREFIX)) return `\0${id}`
      return undefined
    },
    load(id) {
      if (!id.startsWith('\0virtual:wirelab/')) return undefined
      result ??= load()
      // only files that exist: in dev, Vite makes each watch file an import of the module, and a missing
      // one (a course without _parts.yml) would break the page after the first edit. The folder itself
      // is watched (configureServer), so a file created later is seen too.
      for (const file of result.files) if (existsSync(file)) this.addWatchFile(file)
      if (id === `\0${INDEX_ID}`) {
        const loaders = result.lessons.map((l) => `  ${JSON.stringify(l.slug)}: () => import(${JSON.stringify(LESSON_PREFIX + l.slug)}),`).join('\n')
        const parts = result.parts.map((p) => ({ title: p.title, summary: p.summary }))
        return `export const lessonIndex = ${JSON.stringify(result.lessons.map(summarise))}\nexport const lessonParts = ${JSON.stringify(parts)}\nexport const lessonLoaders = {\n${loaders}\n}\n`
      }
      if (id === `\0${LAB_ID}`) return `export const lab = ${JSON.stringify(result.lab)}\n`
      const slug = id.slice(`\0${LESSON_PREFIX}`.length)
      const lesson = result.lessons.find((l) => l.slug === slug)
      if (!lesson) throw new Error(`No lesson "${slug}"`)
      const { meta, starter, solution, types, language } = lesson
      // images from the lesson's folder become assets (hashed in dist/, served as they are in dev)
      const images: string[] = []
      const html = lesson.html.replace(
        /(<img\b[^>]*?\ssrc=")([\w./-]+\.(?:png|jpe?g|gif|svg|webp|avif))(")/gi,
        (all, before: string, path: string, after: string) => {
          if (path.startsWith('/') || path.includes('..') || !existsSync(join(lesson.dir, path))) return all
          images.push(join(lesson.dir, path))
          return `${before}__WIRELAB_IMAGE_${images.length - 1}__${after}`
        },
      )
      const imports = images.map((file, i) => `import __image${i} from ${JSON.stringify(`${file}?url`)}\n`).join('')
      const withImages = images.reduce((code, _, i) => `${code}.replace('__WIRELAB_IMAGE_${i}__', __image${i})`, JSON.stringify(html))
      const servers = Object.entries(lesson.serverFiles)
      const serverImports = servers.map(([, file], i) => `import __server${i} from ${JSON.stringify(file)}\n`).join('')
      const serverMap = `{ ${servers.map(([name], i) => `${JSON.stringify(name)}: __server${i}`).join(', ')} }`
      return `${imports}${serverImports}export { default as checks } from ${JSON.stringify(lesson.checksFile)}\nexport const lesson = { ...${JSON.stringify({ slug, meta, starter, solution, types, language, serverCode: lesson.serverCode ?? null })}, html: ${withImages}, servers: ${serverMap} }\n`
    },
    configureServer(server) {
      // a course outside the project (LESSONS_DIR) is not under Vite's watcher by default
      server.watcher.add(options.dir)
    },
    watchChange(file) {
      if (result?.files.includes(file)) result = null
    },
    handleHotUpdate({ file, server }) {
      if (!result?.files.includes(file) && !file.startsWith(options.dir)) return
      result = null
      for (const id of [...server.moduleGraph.idToModuleMap.keys()]) {
        if (id.startsWith('\0virtual:wirelab/')) {
          const mod = server.moduleGraph.getModuleById(id)
          if (mod) server.moduleGraph.invalidateModule(mod)
        }
      }
      server.ws.send({ type: 'full-reload' })
      return []
    },
  }
}
