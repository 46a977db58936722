// Lesson HTML and lesson diagrams made safe to show, with a maintained sanitiser (DOMPurify): no
// scripts, no event handlers, no javascript: URLs, no forms or frames, and nothing loaded from another
// site, whatever element or attribute asks for it (an <img>, a <table background>, an SVG <feImage> or
// <image>, a url() in a diagram's <style>): media must come from the lesson's own folder. Links to
// other sites still work, opened safely, in HTML and in SVG alike. The built site's
// Content-Security-Policy blocks remote loads again, by construction (src/build/csp-plugin.ts).
import DOMPurify from 'dompurify'

/** attributes that make an element (other than a link) load something */
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'href', 'xlink:href', 'background', 'data', 'action', 'formaction', 'lowsrc', 'dynsrc']
let hooked = false

function isRemote(url: string): boolean {
  const trimmed = url.trim()
  // small images of the lesson's folder are inlined by the build as data: URLs; in an <img> they cannot run code
  if (/^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(trimmed)) return false
  // a reference inside the same document (an SVG gradient, a marker)
  if (trimmed.startsWith('#')) return false
  try {
    return new URL(trimmed, location.href).origin !== location.origin
  } catch {
    return true
  }
}

/** url(…) and @import in CSS text that point to another site, made harmless */
export function withoutRemoteUrls(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _quote: string, target: string) => (isRemote(target) ? 'none' : whole))
}

function hook(): void {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    const isLink = el.nodeName.toLowerCase() === 'a'
    for (const attr of LOADING_ATTRIBUTES) {
      const value = el.getAttribute(attr)
      if (value === null) continue
      if (isLink && (attr === 'href' || attr === 'xlink:href')) continue
      if (attr === 'srcset' || isRemote(value)) el.removeAttribute(attr)
    }
    // links, HTML or SVG: to another site, in a new tab, telling it nothing about this page
    const href = isLink ? (el.getAttribute('href') ?? el.getAttribute('xlink:href')) : null
    if (href && isRemote(href)) {
      el.setAttribute('rel', 'noopener noreferrer')
      el.setAttribute('target', '_blank')
    }
  })
  DOMPurify.addHook('uponSanitizeElement', (node) => {
    if (node.nodeName.toLowerCase() === 'style' && node.textContent) node.textContent = withoutRemoteUrls(node.textContent)
  })
}

export function sanitizeLessonHtml(html: string): string {
  hook()
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] })
}

/** an SVG drawn by mermaid from lesson text (its <style> stays, without remote url()s) */
export function sanitizeDiagramSvg(svg: string): string {
  hook()
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true, html: true }, ADD_TAGS: ['foreignObject'] })
}

/**
 * mermaid settings a diagram's own `%%{init: …}%%` may not change: mermaid's defaults plus the theme CSS
 * and fonts, which could name a remote stylesheet or font
 */
export const MERMAID_SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'themeCSS',
  'fontFamily',
  'altFontFamily',
  'themeVariables',
]
