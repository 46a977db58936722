// Served by the dev server to a test page: mounts the real LessonText component with the HTML given.
import { mount } from 'svelte'
import LessonText from '../../../src/lib/components/lesson-page/LessonText.svelte'

export function mountLessonText(html: string): void {
  const target = document.createElement('div')
  target.id = 'diagrams'
  document.body.append(target)
  mount(LessonText, { target, props: { html } })
}
