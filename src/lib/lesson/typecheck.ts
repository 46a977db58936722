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

/**
 * Parsed (and bound) source files shared by every program this process makes, like the language
 * service's document registry: the lib files (lib.dom.d.ts alone is ~2 MB of declarations) were parsed
 * again for every lesson, which was most of `lessons:check`, of the build's lesson pass and of the
 * unit tests. A file is reused only under the same settings and while its text is unchanged (files
 * under node_modules are read once); binding depends on the options (strict mode, module detection),
 * hence one cache per kind of program. Module resolutions are shared the same way.
 */
class SourceFileCache {
  private readonly files = new Map<string, { text: string; file: ts.SourceFile }>()
  private readonly installed = new Map<string, string>()
  private readonly resolutions: ts.ModuleResolutionCache

  constructor(private readonly options: ts.CompilerOptions) {
    this.resolutions = ts.createModuleResolutionCache(process.cwd(), (f) => (ts.sys.useCaseSensitiveFileNames ? f : f.toLowerCase()), options)
  }

  createProgram(roots: readonly string[]): ts.Program {
    const host = ts.createCompilerHost(this.options)
    const read = (fileName: string): string | undefined => {
      if (!fileName.includes('/node_modules/')) return host.readFile(fileName)
      if (!this.installed.has(fileName)) {
        const text = host.readFile(fileName)
        if (text === undefined) return undefined
        this.installed.set(fileName, text)
      }
      return this.installed.get(fileName)
    }
    host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
      let text: string | undefined
      try {
        text = read(fileName)
      } catch (error) {
        onError?.(error instanceof Error ? error.message : String(error))
      }
      if (text === undefined) return undefined
      const settings = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions }
      const key = `${settings.languageVersion}|${settings.impliedNodeFormat ?? ''}|${settings.jsDocParsingMode ?? ''}|${fileName}`
      const cached = this.files.get(key)
      if (cached?.text === text) return cached.file
      const file = ts.createSourceFile(fileName, text, languageVersionOrOptions)
      this.files.set(key, { text, file })
      return file
    }
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containingSourceFile) =>
      literals.map((literal) =>
        ts.resolveModuleName(
          literal.text,
          containingFile,
          options,
          host,
          this.resolutions,
          redirected,
          ts.getModeForUsageLocation(containingSourceFile, literal, options),
        ),
      )
    return ts.createProgram(roots, this.options, host)
  }
}

const learnerFiles = new SourceFileCache(learnerOptions)
const checksFiles = new SourceFileCache(checksOptions)

function problemsOf(program: ts.Program, only: ReadonlySet<string>, cwd: string): LessonProblem[] {
  // only the lesson's own files are reported, so only they are checked: the whole program would also
  // type-check the checks API and the simulation behind it, again for every lesson
  const files = program.getSourceFiles().filter((f) => only.has(resolve(f.fileName)))
  return ts
    .sortAndDeduplicateDiagnostics(files.flatMap((f) => ts.getPreEmitDiagnostics(program, f)))
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
    problems.push(...problemsOf(learnerFiles.createProgram(roots), new Set(code), cwd))
  }
  // the checks: one program for all of them
  // with the lessons' own servers (and the starter of a server the learner edits), checked the same way
  const serverStarters = (l: LoadedLesson) => {
    const list = Array.isArray(l.meta.scenario.server) ? l.meta.scenario.server : [l.meta.scenario.server]
    return list.flatMap((s) => (s.kind === 'module' && s.starter ? [resolve(l.dir, s.starter)] : []))
  }
  const checks = [...new Set(lessons.flatMap((l) => [resolve(l.checksFile), ...Object.values(l.serverFiles).map((f) => resolve(f)), ...serverStarters(l)]))]
  if (checks.length) problems.push(...problemsOf(checksFiles.createProgram(checks), new Set(checks), cwd))
  return problems
}
