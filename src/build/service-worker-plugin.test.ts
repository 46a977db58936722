import { describe, expect, it } from 'vitest'
import { parse } from 'acorn'
import { serviceWorkerSource } from './service-worker-plugin.ts'

describe("Wirelab's service worker as served", () => {
  it("is a script that parses, with msw's worker imported last", () => {
    const source = serviceWorkerSource()
    expect(() => parse(source, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow()
    expect(source.trim().endsWith("importScripts('./mockServiceWorker.js')")).toBe(true)
  })
})
