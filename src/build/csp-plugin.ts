// The built site's Content-Security-Policy, as a <meta> tag (a static host cannot be relied on to send
// headers). It blocks every load from another origin by construction, whatever lesson text, a mermaid
// diagram or learner code asks for, and the learner worker inherits it (it starts from a blob: URL).
// Not in dev: Vite's dev client needs inline scripts and its own WebSocket.
import type { Plugin } from 'vite'

/** directives, each with why it is as loose as it is */
export const CONTENT_SECURITY_POLICY: ReadonlyArray<[string, string]> = [
  ['default-src', "'self'"],
  // learner code runs through eval in its worker, which shares this policy
  ['script-src', "'self' 'unsafe-eval'"],
  // Svelte transitions, Monaco and mermaid write inline styles; a style can only load from origins below
  ['style-src', "'self' 'unsafe-inline'"],
  // lesson images are files of the site or inlined data: URLs; exports are blob: URLs
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['media-src', "'self' data: blob:"],
  // the learner's fetch and EventSource reach the page's origin only (the service worker answers them)
  ['connect-src', "'self'"],
  // the learner worker starts from a blob: URL so that it inherits this policy
  ['worker-src', "'self' blob:"],
  ['frame-src', "'none'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
]

export const cspContent = (): string => CONTENT_SECURITY_POLICY.map(([name, value]) => `${name} ${value}`).join('; ')

export function wirelabCsp(): Plugin {
  return {
    name: 'wirelab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspContent() }, injectTo: 'head-prepend' }],
    },
  }
}
