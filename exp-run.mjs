import { chromium } from 'playwright-core'
import { preview } from 'vite'
import { createServer } from 'node:http'
const hits = []
const trap = createServer((req, res) => { hits.push(req.method + ' ' + req.url); res.writeHead(200, {'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript'}); res.end('export default 1') })
await new Promise((r) => trap.listen(0, '127.0.0.1', r))
const port = trap.address().port
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' })
const base = `http://127.0.0.1:${server.httpServer.address().port}/`
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const ctx = await b.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' })
await ctx.grantPermissions(['clipboard-read', 'clipboard-write'])
const page = await ctx.newPage()
page.on('console', (m) => console.log('page console:', m.text().slice(0, 200)))
page.on('pageerror', (e) => console.log('page error:', e.message))
await page.goto(base + '#/lesson/01-sse-first-stream')
await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60000 })
const code = `let v = [1, 2, 3]
for (let d = 0; d < 5; d++) v = new Array(100).fill(v)
for (let i = 0; i < 5; i++) console.log(v)`
await page.evaluate((t) => navigator.clipboard.writeText(t), code)
await page.locator('.monaco-editor .view-lines').click()
await page.keyboard.press('ControlOrMeta+A'); await page.keyboard.press('ControlOrMeta+V')
await page.locator('.speed select').selectOption('Infinity')
await page.evaluate(() => { const w = window; w.__gaps = { last: performance.now(), max: 0, on: true }; const tick = (t) => { const g = w.__gaps; if (!g.on) return; g.max = Math.max(g.max, t - g.last); g.last = t; requestAnimationFrame(tick) }; requestAnimationFrame(tick) })
await page.getByRole('button', { name: '▶ Run' }).click()
await page.waitForFunction(() => { const s = document.querySelector('.status')?.getAttribute('data-status'); return s && !['idle','starting','running'].includes(s) }, undefined, { timeout: 60000 })
console.log('gap', await page.evaluate(() => window.__gaps.max)); console.log('status', await page.locator('.status').getAttribute('data-status'))
console.log((await page.locator('[data-testid=console-line], [data-testid=console-error], [data-testid=console-hint]').allInnerTexts()).map(l => l.slice(0, 200)).join('\n'))
console.log('HITS', hits); console.log(await page.evaluate(() => [...document.querySelectorAll('svg[aria-label="Sequence diagram of the run"] .message')].map(e => e.getAttribute('data-label')).join('\n')))
await b.close(); await server.close(); trap.close()
