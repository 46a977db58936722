// The server tab's state in Node: kept per lesson beside the client code, compiled for a run, and what
// a learner sees when it cannot start.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { browserCodeStore } from './code-store.ts'
import { MemoryStorage } from './memory-storage.test-support.ts'
import { ServerDraft } from './server-draft.svelte.ts'

const server = {
  file: 'server.ts',
  starter: readFileSync('lessons/06-scaling-websockets/server.starter.ts', 'utf8'),
  solution: readFileSync('lessons/06-scaling-websockets/server.ts', 'utf8'),
}

describe('ServerDraft', () => {
  it('starts from the starter, keeps edits under its own key and puts the starter back on Reset', () => {
    const storage = new MemoryStorage()
    const draft = new ServerDraft(server, '06-scaling-websockets', browserCodeStore(storage))
    expect(draft.code).toBe(server.starter)
    draft.edit('// mine')
    draft.flush()
    expect(storage.getItem('wirelab:code:06-scaling-websockets/server.ts')).toBe('// mine')
    expect(storage.getItem('wirelab:code:06-scaling-websockets')).toBeNull()
    expect(new ServerDraft(server, '06-scaling-websockets', browserCodeStore(storage)).code).toBe('// mine')
    draft.reset()
    expect(draft.code).toBe(server.starter)
    expect(storage.getItem('wirelab:code:06-scaling-websockets/server.ts')).toBeNull()
    draft.useSolution()
    expect(draft.code).toBe(server.solution)
  })

  it('compiles the learner server under the file it replaces', async () => {
    const draft = new ServerDraft(server, '06', browserCodeStore(new MemoryStorage()))
    const prepared = await draft.prepare(
      () => undefined,
      () => 0,
    )
    expect(prepared.ok).toBe(true)
    if (prepared.ok) {
      expect(Object.keys(prepared.modules)).toEqual(['server.ts'])
      expect(typeof prepared.modules['server.ts']!.setup).toBe('function')
      expect(prepared.stopped()).toBeNull()
    }
  })

  it('says why a server cannot start, at its line, as an error of the server code', async () => {
    const draft = new ServerDraft(server, '06', browserCodeStore(new MemoryStorage()))
    draft.edit("import { defineServer } from 'wirelab/server'\n\nexport default defineServer({ setup(server) { server.get('/x', ( }) })\n")
    const prepared = await draft.prepare(
      () => undefined,
      () => 0,
    )
    expect(prepared).toMatchObject({ ok: false, error: { phase: 'syntax', name: 'SyntaxError', location: { line: 3 }, inServerCode: true } })
  })
})
