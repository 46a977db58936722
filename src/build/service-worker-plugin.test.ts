import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'acorn'
import { precacheManifest, serviceWorkerSource, withManifest, writeServiceWorker } from './service-worker-plugin.ts'

describe("Wirelab's service worker as served", () => {
  it("is a script that parses, with msw's worker imported last", () => {
    const source = serviceWorkerSource()
    expect(() => parse(source, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow()
    expect(source.trim().endsWith("importScripts('./mockServiceWorker.js')")).toBe(true)
  })
})

describe('the build written into the service worker', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  function site(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'wirelab-sw-'))
    dirs.push(dir)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    return dir
  }
  const built = {
    'index.html': '<!doctype html>',
    'favicon.svg': '<svg/>',
    'assets/index-abc.js': 'x',
    'assets/ConfirmDialog-def.js': 'yy',
    'mockServiceWorker.js': 'msw',
    'sw.js': 'old',
    '.vite/manifest.json': '{}',
  }

  it("lists every file of the site but the service worker's own scripts and dot folders, with their size", () => {
    const manifest = precacheManifest(site(built))
    expect(manifest.files).toEqual(['assets/ConfirmDialog-def.js', 'assets/index-abc.js', 'favicon.svg', 'index.html'])
    expect(manifest.bytes).toBe(2 + 1 + 6 + 15)
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('has a version that changes with any byte of any file, and only then', () => {
    const a = precacheManifest(site(built)).version
    expect(precacheManifest(site(built)).version).toBe(a)
    expect(precacheManifest(site({ ...built, 'assets/index-abc.js': 'z' })).version).not.toBe(a)
    expect(precacheManifest(site({ ...built, 'sw.js': 'other' })).version).toBe(a)
  })

  it('is written into sw.js, which still parses and still imports msw last', () => {
    const dir = site(built)
    const manifest = writeServiceWorker(dir)
    const source = readFileSync(join(dir, 'sw.js'), 'utf8')
    expect(() => parse(source, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow()
    expect(source).toContain(`const BUILD = ${JSON.stringify(manifest)}\n`)
    expect(source.trim().endsWith("importScripts('./mockServiceWorker.js')")).toBe(true)
  })

  it('refuses a service worker source that has no place for it', () => {
    expect(() => withManifest('self.addEventListener("fetch", () => {})', { version: 'x', files: [], bytes: 0 })).toThrow(/has no "const BUILD/)
  })
})
