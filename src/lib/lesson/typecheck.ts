// TypeScript errors in lessons, for `npm run lessons:check`: the starter and solution are checked as the
// learner realm sees them (a worker's APIs, the `client` and `ui` globals, the lesson's own types; each
// file its own module), checks.ts against the checks API. Node only: it loads the TypeScript compiler.
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { LessonProblem } from './front-matter.ts'
import type { LoadedLesson } from './load-lessons.ts'

const here = dirname(fileURLToPath(import.meta.url))
const LEARNER_GLOBALS = resolve(here, '../runner/worker/learner-globals.d.ts')
const CHECKS_API = resolve(here, '../checks/index.ts')
const SERVER_API = resolve(here, '../sim/server-api/index.ts')

const learnerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
  allowJs: true,
  checkJs: true,
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  moduleDetection: ts.ModuleDetectionKind.Force,
}

const checksOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  allowImportingTsExtensions: true,
  paths: { 'wirelab/checks': [CHECKS_API], 'wirelab/server': [SERVER_API] },
}

function problemsOf(program: ts.Program, only: ReadonlySet<string>, cwd: string): LessonProblem[] {
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && only.has(resolve(d.file.fileName)))
    .map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0)
      return {
        file: relative(cwd, d.file!.fileName),
        line: line + 1,
        column: character + 1,
        path: '',
        message: `TypeScript: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')} (TS${d.code})`,
      }
    })
}

export function typecheckLessons(lessons: readonly LoadedLesson[], cwd = process.cwd()): LessonProblem[] {
  const problems: LessonProblem[] = []
  // the learner's code: one program per lesson, since each may declare its own message types
  for (const lesson of lessons) {
    const code = [join(lesson.dir, lesson.meta.starter), join(lesson.dir, lesson.meta.solution)].map((f) => resolve(f))
    const roots = [...code, LEARNER_GLOBALS, ...(lesson.meta.types ? [resolve(lesson.dir, lesson.meta.types)] : [])]
    problems.push(...problemsOf(ts.createProgram(roots, learnerOptions), new Set(code), cwd))
  }
  // the checks: one program for all of them
  // with the lessons' own servers, checked the same way
  const checks = [...new Set(lessons.flatMap((l) => [resolve(l.checksFile), ...Object.values(l.serverFiles).map((f) => resolve(f))]))]
  if (checks.length) problems.push(...problemsOf(ts.createProgram(checks, checksOptions), new Set(checks), cwd))
  return problems
}
