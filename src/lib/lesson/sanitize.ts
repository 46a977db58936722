// Lesson HTML made safe to show, with a maintained sanitiser (DOMPurify): no scripts, no event
// handlers, no javascript: URLs, no forms or frames, and nothing loaded from another site (images and
// media must come from the lesson's own folder). Links to other sites still work, opened safely.
import DOMPurify from 'dompurify'

const MEDIA = new Set(['IMG', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'IMAGE', 'USE'])
let hooked = false

function isRemote(url: string): boolean {
  // small images of the lesson's folder are inlined by the build as data: URLs; in an <img> they cannot run code
  if (/^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(url.trim())) return false
  try {
    return new URL(url, location.href).origin !== location.origin
  } catch {
    return true
  }
}

export function sanitizeLessonHtml(html: string): string {
  if (!hooked) {
    hooked = true
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      const el = node as Element
      if (MEDIA.has(el.nodeName.toUpperCase())) {
        for (const attr of ['src', 'srcset', 'poster', 'href', 'xlink:href']) {
          const value = el.getAttribute(attr)
          if (value !== null && (attr === 'srcset' || isRemote(value))) el.removeAttribute(attr)
        }
      }
      if (el.nodeName === 'A' && el.getAttribute('href') && isRemote(el.getAttribute('href')!)) {
        el.setAttribute('rel', 'noopener noreferrer')
        el.setAttribute('target', '_blank')
      }
    })
  }
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] })
}
