// A lesson's cheat corpus (lessons/<slug>/cheats/<name>.js|.ts): code that produces the expected output
// without doing the work, each with a header that says what it cheats with and which check must fail
// with which message. The end-to-end lesson test runs every cheat; the loader validates the headers.
// Cheats are test fixtures: they never reach the browser build.
//
//   // cheat: hard-coded output, no network
//   // fails: logs-three-scores /came from .* events/
//   // broker: off            (optional: run with the lesson's pub/sub broker turned off)
//
// In a lesson whose server the learner edits, a cheat named `<name>.server.ts` is server code: it runs
// in the server tab, with the lesson's client solution (and a client cheat runs with its server solution).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { LessonProblem } from './front-matter.ts'

export interface CheatFailure {
  /** the id of the check that must fail */
  check: string
  /** the pattern its message must match (a regular expression's source and flags) */
  pattern: string
  flags: string
  /** the header line that says so (1-based) */
  line: number
}

export interface LessonCheat {
  /** the file name in cheats/, e.g. "hard-coded.js" */
  name: string
  /** its path, relative to the working directory (for messages) */
  file: string
  code: string
  /** what it cheats with, from its `// cheat:` line */
  what: string
  fails: CheatFailure[]
  /** run it with the lesson's broker turned off (`// broker: off`) */
  brokerOff: boolean
  /** the cheat is server code (`*.server.ts`), for the lesson's server tab */
  serverCode: boolean
}

const KEYS = ['cheat', 'fails', 'broker']
const HEADER_LINE = /^\/\/\s*([a-z][\w-]*):\s?(.*)$/i
const FAILS = /^(\S+)\s+\/(.+)\/([a-z]*)$/

/** the ids of the checks in a checks.ts, as written (`id: 'logs-three-scores'`) */
export function checkIdsIn(checksSource: string): string[] {
  return [...checksSource.matchAll(/\bid:\s*(['"`])([^'"`\n]+)\1/g)].map((m) => m[2]!)
}

/** one cheat's header, or the problems in it (each at its line) */
export function parseCheat(
  code: string,
  file: string,
  checkIds: readonly string[],
  options: { hasBroker?: boolean } = {},
): { cheat: Omit<LessonCheat, 'name' | 'file' | 'code' | 'serverCode'> } | { problems: LessonProblem[] } {
  const problems: LessonProblem[] = []
  const at = (line: number, message: string) => problems.push({ file, line, column: 1, path: '', message })
  let what: string | null = null
  let brokerOff = false
  const fails: CheatFailure[] = []
  let failsLines = 0
  const lines = code.split(/\r?\n/)
  // the header is the comment lines the file starts with
  for (let i = 0; i < lines.length && lines[i]!.trimStart().startsWith('//'); i++) {
    const line = i + 1
    const header = HEADER_LINE.exec(lines[i]!.trim())
    if (!header) continue
    const key = header[1]!.toLowerCase()
    const value = header[2]!.trim()
    if (!KEYS.includes(key)) {
      at(line, `unknown header field "${key}:" (a cheat's header has ${KEYS.map((k) => `"${k}:"`).join(', ')})`)
    } else if (key === 'cheat') {
      if (what !== null) at(line, 'a second "cheat:" line: say what the cheat does in one line')
      else if (!value) at(line, '"cheat:" needs a description of what the code cheats with')
      what = value
    } else if (key === 'broker') {
      if (value === 'off' && options.hasBroker === false) at(line, 'this lesson has no broker to turn off (scenario.broker)')
      else if (value === 'off') brokerOff = true
      else at(line, `"broker:" can only be "off" (run with the lesson's broker turned off), not ${JSON.stringify(value)}`)
    } else {
      failsLines++
      const parsed = FAILS.exec(value)
      if (!parsed) {
        at(
          line,
          `write "fails: <check id> /<pattern its message must match>/": ${value ? `${JSON.stringify(value)} has no /pattern/` : 'the check id and pattern are missing'}`,
        )
        continue
      }
      const [, check, pattern, flags] = parsed
      if (checkIds.length > 0 && !checkIds.includes(check!)) {
        at(line, `there is no check "${check}" in checks.ts (its checks: ${checkIds.join(', ')})`)
        continue
      }
      try {
        new RegExp(pattern!, flags)
      } catch (error) {
        at(line, `/${pattern}/${flags} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`)
        continue
      }
      fails.push({ check: check!, pattern: pattern!, flags: flags!, line })
    }
  }
  if (what === null) at(1, 'a cheat starts with a "// cheat: <what it cheats with>" line')
  if (failsLines === 0) at(1, 'say which check must fail, and how: "// fails: <check id> /<pattern its message must match>/"')
  return problems.length > 0 ? { problems } : { cheat: { what: what!, fails, brokerOff } }
}

/** every cheat of a lesson folder (none without a cheats/ folder), with the problems in their headers */
export function readCheats(
  dir: string,
  language: 'javascript' | 'typescript',
  checkIds: readonly string[],
  cwd: string,
  hasBroker = false,
  hasServerTab = false,
): { cheats: LessonCheat[]; problems: LessonProblem[]; files: string[] } {
  const folder = join(dir, 'cheats')
  const cheats: LessonCheat[] = []
  const problems: LessonProblem[] = []
  const files: string[] = []
  if (!existsSync(folder)) return { cheats, problems, files }
  const extension = language === 'typescript' ? '.ts' : '.js'
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith('.')) continue
    const path = join(folder, name)
    const file = relative(cwd, path)
    const serverCode = name.endsWith('.server.ts')
    if (serverCode && !hasServerTab) {
      problems.push({
        file,
        line: 1,
        column: 1,
        path: '',
        message: "a *.server.ts cheat is server code, but the learner does not edit this lesson's server (no `starter` on a module server)",
      })
      continue
    }
    if (!serverCode && !name.endsWith(extension)) {
      problems.push({
        file,
        line: 1,
        column: 1,
        path: '',
        message: `a cheat of this lesson is ${language} like its starter: name it *${extension}${hasServerTab ? ' (or *.server.ts for server code)' : ''}`,
      })
      continue
    }
    files.push(path)
    const code = readFileSync(path, 'utf8')
    const parsed = parseCheat(code, file, checkIds, { hasBroker })
    if ('problems' in parsed) problems.push(...parsed.problems)
    else cheats.push({ name, file, code, serverCode, ...parsed.cheat })
  }
  return { cheats, problems, files }
}
