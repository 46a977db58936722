// Whether the built site is up to date with what it is built from, so the end-to-end run does not build
// it again for nothing (~15 s). The stamp is a hash of every file that can change the build: everything
// git sees in the repository (tracked, or new and not ignored) but what only tests, documents or other
// tools read, the lessons (also from LESSONS_DIR outside the repository), the installed packages'
// lockfile and the environment the build reads. When in doubt a file counts: a needless build costs
// seconds, a stale one a wrong test.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

/** what no build reads (vite.config.ts only builds bench/ with WIRELAB_BENCH, which this stamp refuses) */
const NOT_BUILT = [
  /^tests\//,
  /^docs\//,
  /^scripts\//,
  /^bench\//,
  /^\.ci\//,
  /^[^/]+\.md$/,
  /\.test\.ts$/,
  /^vitest(\.e2e)?\.config\.ts$/,
  /^\.prettier/,
  /^eslint\.config/,
]
const ENVIRONMENT = ['LESSONS_DIR', 'NODE_ENV', 'WIRELAB_OUT_DIR', 'WIRELAB_BENCH']
const STAMP = '.wirelab-build-stamp'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : []
  })
}

/** the hash of the build's inputs, or null when they cannot be listed (no git): then always build */
export function buildInputsHash(root = process.cwd()): string | null {
  let listed: string
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
  } catch {
    return null
  }
  const files = new Set(listed.split('\0').filter((f) => f && !NOT_BUILT.some((pattern) => pattern.test(f))))
  files.add('node_modules/.package-lock.json')
  const lessonsDir = resolve(root, process.env.LESSONS_DIR ?? 'lessons')
  if (existsSync(lessonsDir)) for (const file of filesUnder(lessonsDir)) files.add(relative(root, file))
  const hash = createHash('sha256')
  for (const name of ENVIRONMENT) hash.update(`${name}=${process.env[name] ?? ''}\0`)
  for (const file of [...files].sort()) {
    const path = resolve(root, file)
    hash.update(`${file}\0`)
    hash.update(existsSync(path) && statSync(path).isFile() ? readFileSync(path) : 'missing')
    hash.update('\0')
  }
  return hash.digest('hex')
}

export function isBuildUpToDate(outDir: string, inputs: string | null): boolean {
  const stamp = join(outDir, STAMP)
  return inputs !== null && existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs
}

export function stampBuild(outDir: string, inputs: string | null): void {
  if (inputs !== null) writeFileSync(join(outDir, STAMP), inputs)
}
