// Back / Next / All under a sequence diagram of the lesson text, with a caption per step (plain DOM:
// the diagram itself is mermaid's SVG). Loaded with mermaid, only on pages that have a diagram.
import { describeStep } from '../../lesson/mermaid-steps.ts'

export { firstSteps, isSequenceDiagram, sequenceSteps } from '../../lesson/mermaid-steps.ts'

/** ◀ / ▶ under a sequence diagram: draw it message by message, with a caption for each step */
export function stepControls(steps: string[], show: (n: number) => Promise<void>): HTMLElement {
  let n = steps.length
  const bar = document.createElement('div')
  bar.className = 'diagram-steps'
  bar.setAttribute('role', 'group')
  bar.setAttribute('aria-label', 'Step through the diagram')
  const button = (text: string, label: string) => Object.assign(document.createElement('button'), { type: 'button', textContent: text, title: label })
  const back = button('◀ Back', 'Show one message less')
  const next = button('Next ▶', 'Show the next message')
  const all = button('All', 'Show the whole diagram')
  const caption = Object.assign(document.createElement('span'), { className: 'diagram-caption' })
  caption.setAttribute('aria-live', 'polite')
  const update = async () => {
    back.disabled = n === 0
    next.disabled = all.disabled = n === steps.length
    caption.textContent = n === 0 ? `Step 0 of ${steps.length}: nothing sent yet` : `Step ${n} of ${steps.length}: ${describeStep(steps[n - 1]!)}`
    await show(n)
  }
  back.onclick = () => void ((n = Math.max(0, n - 1)), update())
  next.onclick = () => void ((n = Math.min(steps.length, n + 1)), update())
  all.onclick = () => void ((n = steps.length), update())
  bar.append(back, next, all, caption)
  back.disabled = false
  next.disabled = all.disabled = true
  caption.textContent = `${steps.length} messages: press Back to go through them one by one`
  return bar
}
