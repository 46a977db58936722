// Comparing what the learner logged with what a check looks for, fairly: obvious equivalents are the
// same (three dots and an ellipsis, runs of spaces, straight and curly quotes), and where a line still
// differs, the check can say exactly which character.

/** the text as a check compares it */
export function normalize(text: string): string {
  return text
    .replace(/\.\.\./g, '…')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

export function sameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b)
}

/** where `actual` first differs from `wanted`, in words, or null when they are the same text */
export function firstDifference(wanted: string, actual: string): string | null {
  const w = normalize(wanted)
  const a = normalize(actual)
  if (w === a) return null
  let i = 0
  while (i < w.length && i < a.length && w[i] === a[i]) i++
  if (i >= a.length) return `it stops after ${JSON.stringify(a)}: something is missing at the end`
  if (i >= w.length) return `it has more after ${JSON.stringify(a.slice(0, i))}: ${JSON.stringify(a.slice(i))}`
  return `character ${i + 1} is ${JSON.stringify(a[i])} where ${JSON.stringify(w[i])} belongs (after ${JSON.stringify(a.slice(Math.max(0, i - 12), i))})`
}
