#!/usr/bin/env node
// Instructor commands (docs/authoring.md):
//   npm run lessons:check [dir] [-- --run]   validate every lesson, report all problems; --run also runs each in Chromium
//   npm run lessons:new "Title" [dir]        scaffold a lesson that passes the check
//   npm run lessons:schema                   write docs/lesson.schema.json, the field reference in docs/authoring.md and docs/curriculum.md
// The lesson modules are TypeScript: Vite loads them (no build step needed).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { createServer } from 'vite'

const [command, ...rest] = process.argv.slice(2)
const flags = new Set(rest.filter((a) => a.startsWith('--')))
const args = rest.filter((a) => !a.startsWith('--'))
const vite = await createServer({
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  logLevel: 'error',
  optimizeDeps: { noDiscovery: true, entries: [] },
})
const load = (path) => vite.ssrLoadModule(path)
// errors thrown by lesson modules, at their line of the source
load.fixStack = (error) => vite.ssrFixStacktrace(error)
let exitCode = 0

try {
  if (command === 'check') {
    const dir = resolve(args[0] ?? process.env.LESSONS_DIR ?? 'lessons')
    const { loadLessons, formatProblem } = await load('/src/lib/lesson/load-lessons.ts')
    const { typecheckLessons } = await load('/src/lib/lesson/typecheck.ts')
    const { inspectLessons } = await load('/src/lib/lesson/inspect-lessons.ts')
    const { lessons, problems, claims } = loadLessons(dir)
    problems.push(...typecheckLessons(lessons))
    // checks.ts loaded and dry-run, mermaid diagrams parsed: what would otherwise fail only in the browser
    problems.push(...(await inspectLessons(lessons, load)))
    if (claims) {
      // the claims a check proves must be claims of the course (the front matter's are checked by loadLessons)
      const { curriculumLessons, unknownCheckClaims } = await load('/src/lib/lesson/curriculum.ts')
      for (const bad of unknownCheckClaims(claims, await curriculumLessons(lessons, load))) {
        const file = lessons.find((l) => l.slug === bad.slug).checksFile
        const line =
          readFileSync(file, 'utf8')
            .split('\n')
            .findIndex((l) => l.includes(`'${bad.check}'`) || l.includes(`"${bad.check}"`)) + 1
        problems.push({
          file: relative(process.cwd(), file),
          line: Math.max(line, 1),
          column: 1,
          path: `${bad.check}.claims`,
          message: `there is no claim ${bad.claim} in _claims.yml`,
        })
      }
    }
    for (const p of problems) console.error(formatProblem(p))
    if (problems.length) {
      console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`)
      exitCode = 1
    } else {
      console.log(`${lessons.length} lesson${lessons.length === 1 ? '' : 's'} in ${dir}: no problems`)
      if (flags.has('--run')) {
        // every lesson in Chromium: its solution passes all its checks, its starter fails at least one
        await vite.close()
        const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/lessons.e2e.ts'], {
          stdio: 'inherit',
          env: { ...process.env, LESSONS_DIR: dir, WIRELAB_OUT_DIR: '.lessons-check/dist', E2E_SKIP_BUILD: '' },
        })
        exitCode = result.status ?? 1
      }
    }
  } else if (command === 'new') {
    if (!args[0]) throw new Error('Usage: npm run lessons:new "Title of the lesson" [lessons folder]')
    const { scaffoldLesson } = await load('/src/lib/lesson/scaffold.ts')
    const dir = scaffoldLesson(resolve(args[1] ?? process.env.LESSONS_DIR ?? 'lessons'), args[0])
    console.log(`Created ${dir}: lesson.md, starter.js, solution.js, checks.ts. Check it with npm run lessons:check`)
  } else if (command === 'schema') {
    const { lessonJsonSchema, withFieldReference } = await load('/src/lib/lesson/reference.ts')
    writeFileSync('docs/lesson.schema.json', JSON.stringify(lessonJsonSchema(), null, 2) + '\n')
    writeFileSync('docs/authoring.md', withFieldReference(readFileSync('docs/authoring.md', 'utf8')))
    // the curriculum map of this repository's course
    const { loadLessons, formatProblem } = await load('/src/lib/lesson/load-lessons.ts')
    const { curriculumLessons, curriculumMarkdown } = await load('/src/lib/lesson/curriculum.ts')
    const { lessons, claims, problems } = loadLessons(resolve('lessons'))
    if (problems.length || !claims) throw new Error(`Cannot map the curriculum: ${problems.map(formatProblem).join('\n') || 'lessons/_claims.yml is missing'}`)
    writeFileSync('docs/curriculum.md', curriculumMarkdown(claims, await curriculumLessons(lessons, load)))
    console.log('Wrote docs/lesson.schema.json, the field reference in docs/authoring.md and docs/curriculum.md')
  } else {
    throw new Error(`Unknown command "${command ?? ''}". Use: check [dir] [--run] | new "Title" [dir] | schema`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  exitCode = 1
}
await vite.close().catch(() => undefined)
process.exit(exitCode)
