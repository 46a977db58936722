// Builds the site once and serves it on 127.0.0.1 for every end-to-end test file.
import { build, preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

let server: PreviewServer | null = null

export async function setup(project: TestProject): Promise<void> {
  if (!process.env.E2E_SKIP_BUILD) await build({ logLevel: 'warn' })
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server did not start on a TCP port')
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`)
}

export async function teardown(): Promise<void> {
  await server?.close()
}
