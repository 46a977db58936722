// Moving focus out of the editor by keyboard: to the next (or previous) focusable element of the page,
// as Tab would if the editor did not use Tab for indentation.
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function focusNeighbour(container: Element, backwards: boolean): void {
  // not the items of a composite widget that are not its Tab stop (roving tabindex)
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && (el.offsetParent !== null || el === document.activeElement),
  )
  const outside = all.filter((el) => !container.contains(el))
  const after = outside.filter((el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)
  const before = outside.filter((el) => container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)
  const target = backwards ? before.at(-1) : after[0]
  target?.focus()
}
