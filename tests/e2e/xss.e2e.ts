// Lesson text from other people: known XSS payloads go through the real pipeline (Markdown rendered as
// at build time, then the page's sanitiser) into a live page in Chromium; none may run code or load
// anything from another site.
import { describe, expect, it } from 'vitest'
import { freshPage } from './support/browser.ts'
import { useDevServer } from './support/dev-server.ts'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<img src="https://attacker.example/beacon.png">',
  '![beacon](https://attacker.example/beacon2.png)',
  '<link rel="stylesheet" href="https://attacker.example/x.css">',
  '"><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<table background="https://attacker.example/table.png"><tr><td>cell</td></tr></table>',
  '<svg><filter id="f"><feImage href="https://attacker.example/feimage.png"/></filter><rect filter="url(#f)" width="9" height="9"/></svg>',
  '<svg><image href="https://attacker.example/svg-image.png" width="9" height="9"/></svg>',
  '<svg><a href="https://attacker.example/"><text y="9">svg link</text></a></svg>',
]

const dev = useDevServer()

describe('lesson text from other people', () => {
  it(`runs none of ${PAYLOADS.length} XSS payloads and loads nothing from another site`, async () => {
    const { page } = await freshPage(dev.browser)
    const origin = new URL(dev.url).origin
    const foreign: string[] = []
    const isForeign = (url: string) => !url.startsWith(origin) && !url.startsWith('data:')
    page.on('request', (r) => {
      if (isForeign(r.url())) foreign.push(r.url())
    })
    // a foreign request waits for this handler before it can fail, so an element that tried one has
    // finished loading only after it was counted here
    await page.route(
      (url) => isForeign(url.href),
      (route) => {
        if (!foreign.includes(route.request().url())) foreign.push(route.request().url())
        return route.abort()
      },
    )
    let dialogs = 0
    page.on('dialog', (d) => {
      dialogs++
      void d.dismiss()
    })
    await page.goto(origin + '/')
    await page.locator('.lesson-link').first().waitFor()
    // the real modules, as the dev server serves them: build-time Markdown, then the page's sanitiser
    await page.addScriptTag({
      type: 'module',
      content:
        "import { renderMarkdown } from '/src/lib/lesson/markdown.ts'; import { sanitizeLessonHtml } from '/src/lib/lesson/sanitize.ts'; window.__render = (md) => sanitizeLessonHtml(renderMarkdown(md));",
    })
    await page.waitForFunction(() => typeof (window as unknown as { __render?: unknown }).__render === 'function')
    const shown = await page.evaluate(async (payloads) => {
      const w = window as unknown as { __xss: number; alert: () => void }
      w.__xss = 0
      w.alert = () => (w.__xss += 1)
      const render = (window as unknown as { __render: (md: string) => string }).__render
      const host = document.createElement('div')
      document.body.append(host)
      for (const payload of payloads) {
        const box = document.createElement('div')
        box.innerHTML = render(`Some text.\n\n${payload}\n`)
        host.append(box)
      }
      // give handlers, autofocus and loads their chance: every image, style sheet and frame has
      // finished loading (or failed), then the events that queues (error, load, toggle, autofocus)
      // have run: two frames and a task later
      for (const el of host.querySelectorAll<HTMLElement>('a, details, input')) el.focus()
      const loading = [...host.querySelectorAll('img, link, iframe, object, embed, video, audio, source, input[type=image]')]
      await Promise.all(
        loading.map(
          (el) =>
            new Promise<void>((resolve) => {
              // only these announce the end of a load; the sanitiser should have left none of the others
              const announces = el instanceof HTMLImageElement || el instanceof HTMLIFrameElement || (el instanceof HTMLLinkElement && el.rel === 'stylesheet')
              if (!announces || (el instanceof HTMLImageElement && el.complete)) return resolve()
              el.addEventListener('load', () => resolve(), { once: true })
              el.addEventListener('error', () => resolve(), { once: true })
            }),
        ),
      )
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r))
      await new Promise((r) => setTimeout(r, 0))
      return { xss: w.__xss, html: host.innerHTML }
    }, PAYLOADS)
    expect(shown.xss).toBe(0)
    expect(dialogs).toBe(0)
    expect(foreign).toEqual([])
    expect(shown.html).not.toMatch(/<script|onerror=|onload=|javascript:|<iframe|<object|<embed|<form|<base|<meta/i)
    expect(shown.html).toContain('Some text.')
    expect(shown.html).not.toContain('attacker.example/table.png')
    // a link in SVG opens like one in HTML: a new tab, telling the other site nothing
    expect(shown.html).toMatch(
      /<a href="https:\/\/attacker\.example\/"[^>]* rel="noopener noreferrer"[^>]* target="_blank"|<a [^>]*target="_blank"[^>]*href="https:\/\/attacker\.example\/"/,
    )
  })
})

describe('lesson diagrams from other people', () => {
  it('a mermaid diagram cannot load anything from another site, and its links open safely', async () => {
    const { page } = await freshPage(dev.browser)
    const origin = new URL(dev.url).origin
    const foreign: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url())
    })
    await page.goto(origin + '/')
    await page.locator('.lesson-link').first().waitFor()
    const fence = (body: string) => `<pre><code class="language-mermaid">${body.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`
    const html = [
      fence(
        `%%{init: {"themeCSS": ".actor { background: url(https://attacker.example/theme.png) } @import url(https://attacker.example/x.css);"}}%%\nsequenceDiagram\n  Alice->>Bob: hi`,
      ),
      fence(`%%{init: {"fontFamily": "x; src: url(https://attacker.example/font.woff)"}}%%\nsequenceDiagram\n  Alice->>Bob: font`),
      fence('sequenceDiagram\n  participant Alice\n  link Alice: Site @ https://attacker.example/linked\n  Alice->>Alice: linked'),
    ].join('\n')
    // the real component, as the dev server compiles it
    await page.addScriptTag({
      type: 'module',
      content: `import { mountLessonText } from '/tests/e2e/support/mount-lesson-text.ts'; mountLessonText(${JSON.stringify(html)});`,
    })
    await expect.poll(() => page.locator('#diagrams figure.diagram svg').count(), { timeout: 20_000 }).toBe(3)
    const svg = await page.locator('#diagrams').innerHTML()
    expect(svg).not.toMatch(/url\(\s*['"]?https:\/\/attacker/)
    expect(svg).not.toContain('@import')
    // every link in the drawings goes to a new tab and tells the other site nothing
    const links = await page.locator('#diagrams a').evaluateAll((as) => as.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`))
    expect(links).toEqual(['_blank noopener noreferrer'])
    // give anything that would load its chance, then nothing has gone to another site
    await page.evaluate(() => document.fonts.ready)
    expect(foreign).toEqual([])
    await page.context().close()
  })
})
