// The layer rules of eslint.config.js, tried on code that breaks them: each must be refused.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

const eslint = new ESLint()
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)

describe('layers: which folder of src/lib may import which', { timeout: 60_000 }, () => {
  it('refuses imports against the direction of the arrows, however deep the file sits', async () => {
    expect(await problems('src/lib/sim/servers/x.ts', "import { a } from '../../mock/handlers.ts'\nexport const b = a\n")).toEqual([
      expect.stringContaining('sim/ may not import mock/'),
    ])
    expect(await problems('src/lib/runner/x.ts', "import type { A } from '../state/run-host.ts'\nexport type B = A\n")).toEqual([
      expect.stringContaining('runner/ may not import state/'),
    ])
    expect(await problems('src/lib/mock/x.ts', "import { a } from '../runner/learner-run.ts'\nexport const b = a\n")).toEqual([
      expect.stringContaining('mock/ may not import runner/'),
    ])
    expect(await problems('src/lib/components/run/x.ts', "import { a } from '../../mock/start-mock.ts'\nexport const b = a\n")).toEqual([
      expect.stringContaining('components/ may not import mock/'),
    ])
  })

  it('keeps the headless layers free of UI libraries and the DOM', async () => {
    const found = await problems('src/lib/checks/x.ts', "import { mount } from 'svelte'\nexport const m = mount\nexport const d = document.title\n")
    expect(found).toHaveLength(2)
  })

  it('lets the arrows run their way', async () => {
    expect(
      await problems(
        'src/lib/runner/x.ts',
        "import { Barrier } from '../sim/barrier.ts'\nimport { Crossings } from '../crossing/crossings.ts'\nexport const c = new Crossings(new Barrier())\n",
      ),
    ).toEqual([])
  })
})
