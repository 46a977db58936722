#!/usr/bin/env node
// Runs after `npm install` / `npm ci` (postinstall). On Node 20, npm has just printed "EBADENGINE
// Unsupported engine" for msw, mermaid and five packages they use, which ask for Node 22.12+. Say right
// below it why that is expected and harmless here, so that a first install does not look broken.
// (Which packages, and why it is safe: scripts/node-engines.test.ts checks both, README explains.)
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.log(
    [
      '',
      `Wirelab: the "EBADENGINE Unsupported engine" warnings above are expected on Node ${process.versions.node}.`,
      '  msw, mermaid and packages they use ask for Node 22.12+ for their Node.js features (msw/node),',
      '  which Wirelab does not use: they run in the browser, and in Node only msw/vite (it reads a file).',
      '  Node 20.19+ runs everything here; `npm test` checks it. See "Start the playground" in README.md.',
      '',
    ].join('\n'),
  )
}
