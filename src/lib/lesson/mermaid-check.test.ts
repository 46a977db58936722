import { describe, expect, it } from 'vitest'
import { checkMermaid, mermaidBlocks } from './mermaid-check.ts'

describe('mermaid blocks of a lesson', () => {
  it('are found with the line of their first line, and only outside other code blocks', () => {
    const md = [
      '---', // 1
      'title: x', // 2
      '---', // 3
      '````markdown', // 4: an example of a lesson, not a diagram
      '```mermaid',
      'pie',
      '```',
      '````', // 8
      '~~~ mermaid', // 9
      'sequenceDiagram', // 10
      '  A->>B: hi',
      '~~~',
      '- a list item', // 13
      '  ```mermaid',
      '  flowchart TD', // 15
      '    A-->B',
      '  ```',
    ].join('\n')
    expect(mermaidBlocks(md)).toEqual([
      { source: 'sequenceDiagram\n  A->>B: hi\n', line: 10 },
      { source: 'flowchart TD\n  A-->B\n', line: 15 },
    ])
  })

  it('that parse give no problem', async () => {
    expect(await checkMermaid('Text\n```mermaid\nsequenceDiagram\n  A->>B: hi\n  B-->>A: ok\n```\n', 'lesson.md')).toEqual([])
  }, 30_000)

  it('that do not parse are reported at the line mermaid names, counted in lesson.md', async () => {
    const md = 'Text\n\n```mermaid\nflowchart TD\n  A-->B\n  B-->\n```\n'
    const [problem, ...rest] = await checkMermaid(md, 'lesson.md')
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ file: 'lesson.md', line: 6 })
    expect(problem!.message).toMatch(/^this mermaid diagram cannot be drawn: Expecting .*got 'EOF'$/)
  }, 30_000)

  it('of mermaid’s newer parsers (pie) are reported with their column', async () => {
    expect(await checkMermaid('```mermaid\npie\n  "a" 1\n```\n', 'lesson.md')).toEqual([
      {
        file: 'lesson.md',
        line: 3,
        column: 1,
        path: '',
        message: "this mermaid diagram cannot be drawn: Expecting token of type ':' but found `1`. (column 7)",
      },
    ])
  }, 30_000)

  it('that draw whole but not step by step are reported too (the step controls draw the first messages)', async () => {
    // the first step alone keeps `deactivate B` but loses the message that activated B
    const md = '```mermaid\nsequenceDiagram\n  A->>B: one\n  A->>+B: two\n  deactivate B\n```\n'
    expect(await checkMermaid(md, 'lesson.md')).toEqual([
      {
        file: 'lesson.md',
        line: 2,
        column: 1,
        path: '',
        message:
          'this mermaid diagram draws, but not its first step (the step controls show it message by message): Trying to inactivate an inactive participant (B)',
      },
    ])
  }, 30_000)
})
