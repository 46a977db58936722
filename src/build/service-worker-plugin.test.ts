import { describe, expect, it } from 'vitest'
import { parse } from 'acorn'
import { serviceWorkerSource } from './service-worker-plugin.ts'
import { cspContent } from './csp-plugin.ts'

describe("Wirelab's service worker as served", () => {
  it('is a script that parses, with the site policy filled in and msw imported last', () => {
    const source = serviceWorkerSource()
    expect(() => parse(source, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow()
    expect(source).toContain(`const CONTENT_SECURITY_POLICY = ${JSON.stringify(cspContent())}`)
    expect(source).not.toContain('__WIRELAB_CSP__')
    expect(source.trim().endsWith("importScripts('./mockServiceWorker.js')")).toBe(true)
  })
})
