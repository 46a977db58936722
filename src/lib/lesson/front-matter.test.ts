import { describe, expect, it } from 'vitest'
import { parseLessonMarkdown } from './front-matter.ts'

const valid = `---
title: A lesson
summary: Short.
order: 3
protocol: sse
scenario:
  server:
    kind: live-score
---
Text.
`

describe('lesson front matter', () => {
  it('parses a valid lesson and fills defaults', () => {
    const result = parseLessonMarkdown(valid, 'lesson.md')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.meta.starter).toBe('starter.js')
    expect(result.meta.scenario).toEqual({
      server: { kind: 'live-score', intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: null, retryMs: null },
      latencyMs: 50,
      jitterMs: 0,
      durationMs: 5500,
      seed: 1,
      limits: { requestsPerSecond: 50, openConnections: 20 },
      serverDelayMs: 0,
      http: '1.1',
      httpChoice: false,
      proxyIdleTimeoutMs: null,
      faults: [],
      clients: [{ name: 'You' }],
      instances: 1,
      balancer: 'round-robin',
      broker: null,
      cookies: [],
      crossSitePages: [],
    })
    expect(result.body).toBe('Text.\n')
  })

  it('reports an unknown field at its own line and column', () => {
    const result = parseLessonMarkdown(valid.replace('order: 3', 'order: 3\ncolour: red'), 'x/lesson.md')
    expect(result).toEqual({ ok: false, problems: [{ file: 'x/lesson.md', line: 5, column: 1, path: 'colour', message: 'unknown field "colour"' }] })
  })

  it('reports every ill-typed field with its path and line', () => {
    const result = parseLessonMarkdown(valid.replace('order: 3', 'order: three').replace('kind: live-score', 'kind: live-scores'), 'lesson.md')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => `${p.line}:${p.path}`)).toEqual(['4:order', '8:scenario.server.kind'])
    expect(result.problems[0]!.message).toMatch(/expected number/)
  })

  it('reports a problem inside a list of servers at the item that has it', () => {
    const list = valid.replace('    kind: live-score', '    - kind: live-score\n    - kind: chat\n      pingIntervalMs: soon')
    const result = parseLessonMarkdown(list, 'lesson.md')
    expect(result.ok === false && result.problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual(['10:23 scenario.server.1.pingIntervalMs'])
    const twice = parseLessonMarkdown(valid.replace('    kind: live-score', '    - kind: chat\n    - kind: chat'), 'lesson.md')
    expect(twice.ok === false && twice.problems[0]!.message).toBe('Each kind of server may appear once: their endpoints would clash')
  })

  it('reports a missing field where its parent is, and broken YAML and a missing fence clearly', () => {
    const missing = parseLessonMarkdown(valid.replace('summary: Short.\n', ''), 'lesson.md')
    expect(missing.ok === false && missing.problems[0]).toMatchObject({ path: 'summary', line: 2 })
    const broken = parseLessonMarkdown('---\ntitle: [oops\n---\n', 'lesson.md')
    expect(broken.ok === false && broken.problems[0]!.message).toMatch(/^YAML:/)
    const noFence = parseLessonMarkdown('# Just text', 'lesson.md')
    expect(noFence.ok === false && noFence.problems[0]!.message).toMatch(/must start with front matter/)
  })
})
