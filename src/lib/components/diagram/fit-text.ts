// Labels in the diagram are monospace: their width is known from the character count, so a label can
// be shortened to the room it has instead of running into the time column or off the drawing. The
// full text stays in the message's title (tooltip and accessible name).

/** width of one monospace character, in em (DejaVu Sans Mono and Menlo are ~0.6; a little slack) */
const CHAR_EM = 0.62

/** `text`, cut with an ellipsis to fit `maxPx` at `fontPx` */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  const chars = Math.floor(maxPx / (fontPx * CHAR_EM))
  if (text.length <= chars) return text
  return chars <= 1 ? '…' : `${text.slice(0, chars - 1)}…`
}

/** `text` centred at `x`, cut to stay between `minX` and `maxX` */
export function fitCentred(text: string, x: number, minX: number, maxX: number, fontPx: number): string {
  return fitText(text, 2 * Math.max(0, Math.min(x - minX, maxX - x)), fontPx)
}
