// Keyboard moves inside a composite widget that is one Tab stop (tabs, the messages of the diagram,
// the ticks of the timeline): arrows move between items, Home and End jump to the ends (WAI-ARIA APG,
// "roving tabindex").

export interface RovingOptions {
  /** which arrows move: left/right, up/down, or both */
  orientation: 'horizontal' | 'vertical' | 'both'
  /** past the last item comes the first (tabs do; lists do not) */
  wrap: boolean
}

/** the index a key moves to from `index` among `count` items, or null when the key is not a move */
export function rovingTarget(key: string, index: number, count: number, { orientation, wrap }: RovingOptions): number | null {
  if (count === 0) return null
  const forward = orientation === 'vertical' ? ['ArrowDown'] : orientation === 'horizontal' ? ['ArrowRight'] : ['ArrowDown', 'ArrowRight']
  const backward = orientation === 'vertical' ? ['ArrowUp'] : orientation === 'horizontal' ? ['ArrowLeft'] : ['ArrowUp', 'ArrowLeft']
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  const step = forward.includes(key) ? 1 : backward.includes(key) ? -1 : 0
  if (step === 0) return null
  const next = index + step
  if (wrap) return (next + count) % count
  return Math.max(0, Math.min(count - 1, next))
}
