// The editor's text size, kept across lessons and visits (storage may be full or blocked: then it
// only lasts for the page).
export const FONT_SIZES: readonly number[] = [12, 13, 14, 16, 18, 20, 24]
const KEY = 'wirelab:font-size'
const DEFAULT = 14

export function loadFontSize(): number {
  try {
    const saved = Number(localStorage.getItem(KEY))
    return FONT_SIZES.includes(saved) ? saved : DEFAULT
  } catch {
    return DEFAULT
  }
}

export function saveFontSize(size: number): void {
  try {
    localStorage.setItem(KEY, String(size))
  } catch {
    // not saved: the size still applies to this page
  }
}

/** the next size up (+1) or down (-1), staying within the list */
export function stepFontSize(size: number, step: 1 | -1): number {
  const i = FONT_SIZES.indexOf(size)
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, (i < 0 ? FONT_SIZES.indexOf(DEFAULT) : i) + step))]!
}
