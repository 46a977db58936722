// docs/authoring.md shows each built-in server's bytes as these scripted runs produce them.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wireExamples } from './wire-examples.ts'

/** the fenced block after `<!-- wire: name -->` in the guide */
function documented(guide: string, name: string): string | null {
  const match = new RegExp(`<!-- wire: ${name} -->\\s*\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(guide)
  return match ? match[1]! : null
}

describe("the built-in servers' wire output in docs/authoring.md", () => {
  const guide = readFileSync('docs/authoring.md', 'utf8')
  it.each(Object.entries(wireExamples()))('%s is what the server sends', (name, bytes) => {
    expect(documented(guide, name)).toBe(bytes)
  })
})
