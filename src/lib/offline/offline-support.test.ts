import { describe, expect, it } from 'vitest'
import { describeOfflineStatus, parseOfflineStatus, registrationProblem, serviceWorkerProblem, serviceWorkerUrl } from './offline-support.ts'

const env = { secure: true, hasServiceWorker: true, protocol: 'https:', hostname: 'example.org' }

describe('whether a service worker can run here', () => {
  it('says nothing on a secure page that has one', () => {
    expect(serviceWorkerProblem(env)).toBeNull()
  })

  it('names the address and the fix on plain http away from this computer', () => {
    expect(serviceWorkerProblem({ ...env, secure: false, protocol: 'http:', hostname: '192.168.1.20' })).toBe(
      'This address (http://192.168.1.20) is not a secure context, so the browser allows no service worker here: Run cannot reach the simulated server, and the course does not work offline. Open it over https://, or at http://localhost or http://127.0.0.1 on this computer.',
    )
  })

  it('tells a browser without service workers apart from an insecure page, and a file from both', () => {
    expect(serviceWorkerProblem({ ...env, hasServiceWorker: false })).toMatch(/^This browser allows no service worker on this page \(a private window/)
    expect(serviceWorkerProblem({ ...env, secure: false, protocol: 'file:', hostname: '' })).toMatch(/^Wirelab cannot run from a file on disk/)
  })

  it('quotes the reason a registration failed', () => {
    expect(registrationProblem(new DOMException('The operation is insecure.', 'SecurityError'))).toMatch(
      /^The browser refused Wirelab's service worker \(The operation is insecure\.\), so Run/,
    )
  })

  it('lives at the site folder, whatever it is', () => {
    expect(serviceWorkerUrl('./')).toBe('./sw.js')
    expect(serviceWorkerUrl('/courses/realtime/')).toBe('/courses/realtime/sw.js')
  })
})

describe("the service worker's offline status", () => {
  const status = { type: 'wirelab:offline-status', version: 'abc', files: 145, cached: 40, bytes: 18_004_893 }

  it('is read field by field', () => {
    expect(parseOfflineStatus(status)).toEqual({ version: 'abc', files: 145, cached: 40, bytes: 18_004_893 })
  })

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'x',
      { ...status, type: 'other' },
      { ...status, cached: 146 },
      { ...status, files: -1 },
      { ...status, bytes: '1' },
      { ...status, version: 1 },
    ]) {
      expect(parseOfflineStatus(bad)).toBeNull()
    }
  })

  it('is one sentence: in progress, then ready; nothing in dev', () => {
    expect(describeOfflineStatus(parseOfflineStatus(status))).toBe('Saving the course for offline use: 40 of 145 files so far.')
    expect(describeOfflineStatus(parseOfflineStatus({ ...status, cached: 145 }))).toBe(
      'Ready to work offline: the whole course (17.2 MB) is kept in this browser.',
    )
    expect(describeOfflineStatus({ version: 'dev', files: 0, cached: 0, bytes: 0 })).toBeNull()
  })
})
