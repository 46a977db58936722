// The VS Code set-up in .vscode/ (docs/authoring.md, "Editor set-up"): the build task's problem matcher
// must read every line lessons:check prints as file, line, column and message, and the YAML extension
// must be pointed at schemas that exist.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatProblem } from './load-lessons.ts'

/** JSON with comments, as VS Code reads it (whole-line // comments are all these files use) */
const jsonc = (file: string) => JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''))

describe('the VS Code set-up', () => {
  it('finds file, line, column and message in what lessons:check prints', () => {
    const task = jsonc('.vscode/tasks.json').tasks.find((t: { label: string }) => t.label === 'lessons:check')
    const { regexp, file, line, column, message } = task.problemMatcher.pattern
    const read = (text: string) => {
      const m = new RegExp(regexp).exec(text)
      return m && { file: m[file], line: Number(m[line]), column: Number(m[column]), message: m[message] }
    }
    const problem = {
      file: 'lessons/08-a/lesson.md',
      line: 9,
      column: 17,
      path: 'scenario.server.intervalMs',
      message: 'Too small: expected number to be >=100',
    }
    expect(read(formatProblem(problem))).toEqual({
      file: 'lessons/08-a/lesson.md',
      line: 9,
      column: 17,
      message: 'scenario.server.intervalMs: Too small: expected number to be >=100',
    })
    expect(
      read(formatProblem({ file: 'my course/Bad Name', line: 1, column: 1, path: '', message: 'folder name "Bad Name" must look like "01-my-lesson"' })),
    ).toMatchObject({
      file: 'my course/Bad Name',
      line: 1,
    })
    // the summary and the --run lines are not problems of a file
    expect(read('3 problems in /work/lessons')).toBeNull()
    expect(read('✗ 04-sse-reconnect: solution: check `backs-off` failed: at 3 s')).toBeNull()
  })

  it('gives the YAML extension the parts schema for _parts.yml', () => {
    const schemas: Record<string, string[]> = jsonc('.vscode/settings.json')['yaml.schemas']
    expect(Object.entries(schemas)).toEqual([['./docs/parts.schema.json', ['lessons/_parts.yml', '**/_parts.yml']]])
    expect(existsSync('docs/parts.schema.json') && existsSync('lessons/_parts.yml')).toBe(true)
  })
})
