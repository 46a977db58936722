// The page's largest gap between two animation frames while something runs: how long the learner would
// have seen a frozen page.
import type { Page } from 'playwright-core'

export async function startFrameGaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: { last: number; max: number; on: boolean } }
    w.__gaps = { last: performance.now(), max: 0, on: true }
    const tick = (t: number) => {
      const g = w.__gaps
      if (!g.on) return
      g.max = Math.max(g.max, t - g.last)
      g.last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

/** stops measuring; the largest gap in ms */
export async function stopFrameGaps(page: Page): Promise<number> {
  return page.evaluate(() => {
    const g = (window as unknown as { __gaps: { max: number; on: boolean } }).__gaps
    g.on = false
    return Math.round(g.max)
  })
}
