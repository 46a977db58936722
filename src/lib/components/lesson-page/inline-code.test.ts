import { describe, expect, it } from 'vitest'
import { inlineCode } from './inline-code.ts'

describe('inline code in question texts', () => {
  it('splits text and `code` spans, and leaves HTML as text', () => {
    expect(inlineCode('Use `new EventSource(url)` and <b>`onmessage`</b>')).toEqual([
      { text: 'Use ', code: false },
      { text: 'new EventSource(url)', code: true },
      { text: ' and <b>', code: false },
      { text: 'onmessage', code: true },
      { text: '</b>', code: false },
    ])
  })

  it('keeps a lone backtick as text', () => {
    expect(inlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }])
  })
})
