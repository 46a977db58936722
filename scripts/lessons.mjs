#!/usr/bin/env node
// Instructor commands (docs/authoring.md); `npm run lessons:check -- --help` prints the usage below.
// The lesson modules are TypeScript: Vite loads them (no build step needed).
import { readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `Wirelab lesson tools

  npm run lessons:check [-- [dir] [--run]]
      Every problem in the lessons of dir (default: $LESSONS_DIR or lessons/), each as
      file:line:column field: what is wrong. Loads each checks.ts and tries each check on a run
      where nothing happened; parses every mermaid diagram.
      --run  also builds the course and runs each lesson in Chromium: one line per lesson
             (its starter must fail a check, its solution pass them all).

  npm run lessons:new -- "Title" [kind] [dir]
      A new lesson that already passes the check, numbered after the last one. kind is one of
<KINDS>
      (default sse; also --kind <kind>).

  npm run lessons:schema
      Writes docs/lesson.schema.json, docs/parts.schema.json, the field reference in
      docs/authoring.md and docs/curriculum.md.

  --help  this text`

let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { run: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, kind: { type: 'string' } },
  })
} catch (error) {
  console.error(`${error.message}\n\nUse --help to see the commands.`)
  process.exit(1)
}
const [command, ...args] = parsed.positionals
const options = parsed.values

const { createServer } = await import('vite')
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

async function usage() {
  const { KIND_NAMES } = await load('/src/lib/lesson/scaffold-kinds.ts')
  const kinds = Object.entries(KIND_NAMES)
    .map(([kind, name]) => `        ${kind.padEnd(11)} ${name}`)
    .join('\n')
  return USAGE.replace('<KINDS>', kinds)
}

try {
  if (options.help || command === 'help' || command === undefined) {
    console.log(await usage())
    if (command === undefined && !options.help) exitCode = 1
  } else if (command === 'check') {
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
      if (options.run) {
        const { runCourse } = await load('/tests/e2e/support/run-course.ts')
        const bad = await runCourse(dir, (line) => console.log(line))
        console.log(bad ? `\n${bad} of ${lessons.length} lessons have problems in Chromium` : `\nEvery lesson works in Chromium.`)
        if (bad) exitCode = 1
      }
    }
  } else if (command === 'new') {
    const { LESSON_KINDS } = await load('/src/lib/lesson/scaffold-kinds.ts')
    const [title, ...rest] = args
    if (!title) throw new Error('Usage: npm run lessons:new -- "Title of the lesson" [kind] [lessons folder]; --help for the kinds')
    // the kind may come as a word after the title (npm run would swallow --kind without a "--")
    const kind = options.kind ?? (LESSON_KINDS.includes(rest[0]) ? rest.shift() : 'sse')
    if (!LESSON_KINDS.includes(kind)) throw new Error(`There is no kind of lesson "${kind}": use one of ${LESSON_KINDS.join(', ')}`)
    const { scaffoldLesson } = await load('/src/lib/lesson/scaffold.ts')
    const dir = scaffoldLesson(resolve(rest[0] ?? process.env.LESSONS_DIR ?? 'lessons'), title, kind)
    console.log(`Created ${dir} (${kind}): lesson.md, starter.js, solution.js, checks.ts. Check it with npm run lessons:check`)
  } else if (command === 'schema') {
    const { lessonJsonSchema, partsJsonSchema, withFieldReference } = await load('/src/lib/lesson/reference.ts')
    writeFileSync('docs/lesson.schema.json', JSON.stringify(lessonJsonSchema(), null, 2) + '\n')
    writeFileSync('docs/parts.schema.json', JSON.stringify(partsJsonSchema(), null, 2) + '\n')
    writeFileSync('docs/authoring.md', withFieldReference(readFileSync('docs/authoring.md', 'utf8')))
    // the curriculum map of this repository's course
    const { loadLessons, formatProblem } = await load('/src/lib/lesson/load-lessons.ts')
    const { curriculumLessons, curriculumMarkdown, labAsCurriculum } = await load('/src/lib/lesson/curriculum.ts')
    const { lessons, claims, problems, lab } = loadLessons(resolve('lessons'))
    if (problems.length || !claims) throw new Error(`Cannot map the curriculum: ${problems.map(formatProblem).join('\n') || 'lessons/_claims.yml is missing'}`)
    writeFileSync('docs/curriculum.md', curriculumMarkdown(claims, [...(await curriculumLessons(lessons, load)), ...(lab ? [labAsCurriculum(lab)] : [])]))
    console.log('Wrote docs/lesson.schema.json, docs/parts.schema.json, the field reference in docs/authoring.md and docs/curriculum.md')
  } else {
    throw new Error(`Unknown command "${command}".\n\n${await usage()}`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  exitCode = 1
}
await vite.close().catch(() => undefined)
process.exit(exitCode)
