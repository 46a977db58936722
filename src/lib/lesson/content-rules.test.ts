import { describe, expect, it } from 'vitest'
import { checkLessonText, maskCode } from './content-rules.ts'

const lines = (body: string) => checkLessonText(body, 10, 'x/lesson.md', new Set(['01-intro'])).map((p) => `${p.line}:${p.column} ${p.message}`)

describe('lesson text rules', () => {
  it('reports script, handlers, javascript: links and remote resources at their line and column', () => {
    expect(
      lines('Fine text.\n<script>alert(1)</script>\n<img src="x.png" onerror="alert(1)">\n[click](javascript:alert(1))\n![cat](https://example.com/cat.png)\n'),
    ).toEqual([
      '11:1 a <script> element is not allowed in a lesson: it would never run (lesson text is sanitised), so remove it',
      '12:1 the event-handler attribute onerror= is not allowed: lesson text cannot run code',
      '13:7 a javascript: link is not allowed: lesson text cannot run code',
      '14:1 a remote image is not allowed: it would load from another site. Put the file in the lesson folder',
    ])
  })

  it('leaves code alone: examples of bad HTML in code blocks and inline code are text', () => {
    expect(lines('```html\n<script>alert(1)</script>\n```\nUse `<img onerror=x>` never.\n')).toEqual([])
    expect(maskCode('a `b` c')).toBe('a     c')
  })

  it('reports links to lessons that do not exist', () => {
    expect(lines('See [the intro](#/lesson/01-intro) and [later](#/lesson/09-nope).')).toEqual([
      '10:46 the link to lesson "09-nope" leads nowhere: there is no lessons/09-nope/',
    ])
  })
})

describe('images', () => {
  it('must be files in the lesson folder', () => {
    const problems = checkLessonText(
      '![ok](flow.png)\n![gone](missing.png)\n<img src="../other/x.svg">\n',
      1,
      'x/lesson.md',
      new Set(),
      (path) => path === 'flow.png',
    )
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:1 the image "missing.png" does not exist in the lesson folder',
      '3:1 the image "../other/x.svg" must be a file in the lesson folder (no "/" at the start, no "..")',
    ])
  })
})
