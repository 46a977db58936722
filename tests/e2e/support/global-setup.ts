// Builds the site once (unless it is already built from the same inputs) and serves it on 127.0.0.1
// for every end-to-end test file.
import { resolve } from 'node:path'
import { build, preview, resolveConfig, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'
import { buildInputsHash, isBuildUpToDate, stampBuild } from './build-stamp.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

let server: PreviewServer | null = null

export async function setup(project: TestProject): Promise<void> {
  // E2E_SKIP_BUILD=1 serves dist/ as it is, whatever it was built from
  if (!process.env.E2E_SKIP_BUILD) {
    const config = await resolveConfig({ logLevel: 'warn' }, 'build', 'production')
    const outDir = resolve(config.root, config.build.outDir)
    const inputs = buildInputsHash()
    if (isBuildUpToDate(outDir, inputs)) {
      console.log(`${outDir} is up to date with its sources, not building it again`)
    } else {
      await build({ logLevel: 'warn' })
      stampBuild(outDir, inputs)
    }
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not start on a TCP port')
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`)
}

export async function teardown(): Promise<void> {
  await server?.close()
}
