// Learner code keeps to the simulation: every way around the wrapped fetch, EventSource and WebSocket
// is tried against a real listener on another local port, which must see no request at all; storage at
// the app's origin and the fake clock are out of reach; messages learner code forges are never drawn as
// trace or console output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { usePage } from './support/browser.ts'
import { startHitCounter, type HitCounter } from './support/hit-counter.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()
let listener: HitCounter
beforeAll(async () => {
  listener = await startHitCounter()
})
afterAll(async () => {
  await listener?.close()
})

const consoleErrors = (p: Page) => p.locator('[data-testid=console-error]').allInnerTexts()
const hints = (p: Page) => p.locator('[data-testid=console-hint]').allInnerTexts()

async function runCode(page: Page, code: string): Promise<string> {
  await openLesson(page, '03-sse-first-stream')
  await setSpeed(page, Infinity)
  await replaceCode(page, code)
  return runToEnd(page)
}

describe('learner code keeps to the simulation', () => {
  it('reaches nothing outside it, whatever it tries; a real listener sees 0 requests', async () => {
    const escapes = {
      xhr: "const x = new XMLHttpRequest(); x.open('GET', T + '/xhr'); x.send()",
      'remote import': "await import(T + '/module.js')",
      'nested worker': "new Worker(URL.createObjectURL(new Blob([`fetch('${T}/nested')`])))",
      // the wrapper's prototype chain leads to EventTarget, never to the browser's EventSource
      'native EventSource':
        "const N = Object.getPrototypeOf(EventSource.prototype).constructor; if (N === EventTarget) throw new Error('found EventTarget'); new N(T + '/native-es')",
      'prototype fetch': "await WorkerGlobalScope.prototype.fetch.call(self, T + '/prototype-fetch')",
      'fetch to another host': "await fetch(T + '/fetch')",
      IndexedDB: "indexedDB.open('wirelab')",
      CacheStorage: 'await caches.keys()',
      'origin file system': 'await navigator.storage.getDirectory()',
      'fake clock': 'clearTimeout.clock.tick(1e9)',
      'fake Date clock': 'Date.clock.uninstall()',
    }
    const code = [
      `const T = '${listener.origin}'`,
      `const tries = {${Object.entries(escapes)
        .map(([name, body]) => `\n  ${JSON.stringify(name)}: async () => { ${body} },`)
        .join('')}\n}`,
      'for (const [name, attempt] of Object.entries(tries)) {',
      "  try { await attempt(); console.log(name, 'got through') } catch (e) { console.log(name, 'blocked:', e.message) }",
      '}',
      "new EventSource(T + '/event-source')",
      "new WebSocket(T.replace('http', 'ws') + '/socket')",
    ].join('\n')
    expect(await runCode(session.page, code)).toBe('finished')
    // (awaiting a blocked import() takes real time, in which simulated time may move on: times vary)
    const lines = (await consoleLines(session.page)).map((l) => l.replace(/^\d+\.\d{3} s /, ''))
    expect(lines).toHaveLength(Object.keys(escapes).length)
    for (const line of lines) expect(line).not.toMatch(/got through/)
    expect(lines).toEqual(
      expect.arrayContaining([
        'xhr blocked: XMLHttpRequest is not available in Wirelab: use fetch(), which Wirelab connects to the simulated server.',
        'nested worker blocked: Worker is not available in Wirelab: your code already runs in a worker of its own.',
        'fetch to another host blocked: Failed to fetch',
      ]),
    )
    // the simulation says what happened to the requests for another host: nothing was dialled
    const labels = await diagramLabels(session.page)
    expect(labels.filter((l) => /connection failed There is no server at 127\.0\.0\.1:/.test(l))).toHaveLength(3)
    expect(listener.hits).toEqual([])
  })

  it('a message learner code posts is not obeyed, and one it forges through a patched built-in stops the run', async () => {
    const forged = "postMessage({ type: 'console', level: 'log', t: 0, args: [{ type: 'string', value: 'FORGED' }], now: 0, next: null })"
    expect(await runCode(session.page, `${forged}\nconsole.log('real')`)).toBe('finished')
    expect(await consoleLines(session.page)).toEqual(['0.000 s real'])
    expect((await hints(session.page)).join()).toContain('Your code called postMessage()')

    // a patched Array.prototype.map reaches into what the worker sends: the page refuses it
    expect(await runCode(session.page, "Array.prototype.map = function () { return [{ type: 'object' }] }\nconsole.log('x')")).toBe('error')
    expect(await consoleLines(session.page)).toEqual([])
    const [error] = await consoleErrors(session.page)
    expect(error).toMatch(
      /Your code tampered with the worker it runs in, so the page stopped the run: a message from it did not fit Wirelab's protocol \("console": field "args" is not valid\)/,
    )
  })
})
