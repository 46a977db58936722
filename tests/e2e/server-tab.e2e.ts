// The server tab (lesson 06, whose server the learner edits): their server.ts runs on the simulation as
// the lesson's own servers do; a loop that never ends is stopped with its line marked and the page keeps
// working; errors point at their line in server.ts; what their server puts on the wire is read by the
// simulated browser as Chromium would (an invalid frame fails the connection).
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import {
  checkStates,
  consoleLines,
  diagramLabels,
  editorText,
  openLesson,
  replaceCode,
  replaceServerCode,
  runToEnd,
  setSpeed,
  waitForRunEnd,
} from './support/lesson-page.ts'

const session = usePage()
const SLUG = '06-scaling-websockets'
const clientSolution = readFileSync(`lessons/${SLUG}/solution.js`, 'utf8')
const serverSolution = readFileSync(`lessons/${SLUG}/server.ts`, 'utf8')
const serverStarter = readFileSync(`lessons/${SLUG}/server.starter.ts`, 'utf8')

/** a server.ts whose socket `message` handler is `body` (line 6 is the handler's first line) */
const serverWith = (body: string) => `import { defineServer } from 'wirelab/server'

export default defineServer({
  setup(server) {
    server.socket('/chat', {
      message(socket, data) {
        ${body}
      },
    })
  },
})
`

const errorLines = (page: Page) => page.locator('[data-testid=console-error]').allInnerTexts()

describe('the server tab', () => {
  it('stops a server loop that never ends, marks its line, and the next run works', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await setSpeed(page, Infinity)
    await replaceServerCode(page, serverWith('while (true) {}'))
    await replaceCode(page, clientSolution)
    expect(await runToEnd(page)).toBe('hung')
    const errors = await errorLines(page)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('The server code ran for more than 2 s without returning (line 7), so the run was stopped.')
    // the tab says where to look, and the editor marks the line
    expect(await page.locator('#file-server .errors').textContent()).toBe('1')
    await page.locator('#file-server').click()
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0)
    // the page answers at once, and the fixed server runs to the end with every check passing
    await replaceCode(page, serverSolution)
    await page.locator('#file-code').click()
    expect(await runToEnd(page)).toBe('finished')
    expect((await checkStates(page)).map((c) => c.state)).toEqual(['pass', 'pass', 'pass', 'pass'])
  })

  it('shows an error thrown in a server callback at its line, and the run goes on', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await setSpeed(page, Infinity)
    await replaceServerCode(page, serverWith("JSON.parse('{' + data)"))
    await replaceCode(page, clientSolution)
    expect(await runToEnd(page)).toBe('finished')
    const errors = await errorLines(page)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/Error in your server code: SyntaxError: .*JSON.* \(server\.ts, line 7, column \d+\)/)
    // the trace has it too, as the server's log line
    expect((await diagramLabels(page)).some((l) => l.includes("Error in the server's code (a message on /chat)"))).toBe(true)
  })

  it('does not start a run whose server code has a syntax error, and says where', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await setSpeed(page, Infinity)
    await replaceServerCode(page, serverWith('const x = (;'))
    await replaceCode(page, clientSolution)
    await page.getByRole('button', { name: '▶ Run' }).click()
    expect(await waitForRunEnd(page)).toBe('error')
    const errors = await errorLines(page)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Your server code could not start: SyntaxError: .*\(server\.ts, line 7, column \d+\)\.$/m)
    expect(await consoleLines(page)).toEqual([])
  })

  it('keeps the server code across a reload; Reset on the server tab puts back only the server starter', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await replaceServerCode(page, serverSolution)
    await replaceCode(page, '// my client\n')
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect((await editorText(page)).split('\n')[0]).toBe('// my client')
    await page.locator('#file-server').click()
    await expect.poll(() => editorText(page)).toContain("server.subscribe('chat', sendToMyClients)")
    await page.getByRole('button', { name: /Reset/ }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => editorText(page)).toContain('TODO 2')
    // the lines in view are the starter's first lines
    const shown = (await editorText(page)).split('\n')
    expect(shown).toEqual(serverStarter.split('\n').slice(0, shown.length))
    await page.locator('#file-code').click()
    await expect.poll(async () => (await editorText(page)).split('\n')[0]).toBe('// my client')
  })

  it("reads an invalid frame from the learner's server as Chromium does: the connection fails with 1002", async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await setSpeed(page, Infinity)
    // a text frame with RSV1 set, though no extension was agreed
    await replaceServerCode(page, serverWith("if (data === 'rsv') socket.sendRaw(Uint8Array.of(0xc1, 0x02, 0x68, 0x69))"))
    await replaceCode(
      page,
      "const ws = new WebSocket('/chat');\nws.onopen = () => { if (client.name === 'Alice') ws.send('rsv') };\nws.onmessage = (e) => console.log('message', e.data);\nws.onerror = () => console.log('error');\nws.onclose = (e) => console.log('close', e.code, e.wasClean);\n",
    )
    expect(await runToEnd(page)).toBe('finished')
    const lines = await consoleLines(page)
    expect(lines.filter((l) => l.includes('Alice'))).toEqual(['0.200 s Alice error', '0.200 s Alice close 1006 false'])
    const labels = await diagramLabels(page)
    expect(labels.filter((l) => l.includes('invalid') || l.includes('CLOSE'))).toEqual([
      '0.150 s: ⚠ TEXT hi invalid: RSV1 is set, but the handshake agreed on no extension that …, from server to client',
      '0.200 s: CLOSE 1002 "Invalid reserved bit" FIN=1 MASKED · 22 B payload · 28 B on the wire, from client to server',
    ])
  })
})
