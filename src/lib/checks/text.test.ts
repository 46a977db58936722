import { describe, expect, it } from 'vitest'
import { firstDifference, sameText } from './text.ts'

describe('comparing logged text fairly', () => {
  it('takes obvious equivalents as the same', () => {
    expect(sameText('Reconnecting…', 'Reconnecting...')).toBe(true)
    expect(sameText('Ada:  Lunch at noon?', ' Ada: Lunch at noon? ')).toBe(true)
    expect(sameText("It's", 'It’s')).toBe(true)
    expect(sameText('Full time', 'Full-time')).toBe(false)
  })

  it('says which character differs, or what is missing', () => {
    expect(firstDifference('Full time', 'Full time')).toBeNull()
    expect(firstDifference('Full time', 'Full-time')).toBe('character 5 is "-" where " " belongs (after "Full")')
    expect(firstDifference('Full time', 'Full')).toBe('it stops after "Full": something is missing at the end')
    expect(firstDifference('Full time', 'Full time!')).toBe('it has more after "Full time": "!"')
  })
})
