import { describe, expect, it } from 'vitest'
import { rovingTarget } from './roving.ts'

describe('rovingTarget', () => {
  it('moves tabs left and right, wrapping around, with Home and End', () => {
    const tabs = { orientation: 'horizontal', wrap: true } as const
    expect(rovingTarget('ArrowRight', 0, 4, tabs)).toBe(1)
    expect(rovingTarget('ArrowRight', 3, 4, tabs)).toBe(0)
    expect(rovingTarget('ArrowLeft', 0, 4, tabs)).toBe(3)
    expect(rovingTarget('Home', 2, 4, tabs)).toBe(0)
    expect(rovingTarget('End', 0, 4, tabs)).toBe(3)
    expect(rovingTarget('ArrowDown', 0, 4, tabs)).toBeNull()
    expect(rovingTarget('a', 0, 4, tabs)).toBeNull()
  })

  it('moves through a list up and down, stopping at its ends', () => {
    const list = { orientation: 'vertical', wrap: false } as const
    expect(rovingTarget('ArrowDown', 0, 3, list)).toBe(1)
    expect(rovingTarget('ArrowDown', 2, 3, list)).toBe(2)
    expect(rovingTarget('ArrowUp', 0, 3, list)).toBe(0)
    expect(rovingTarget('ArrowRight', 0, 3, list)).toBeNull()
    expect(rovingTarget('ArrowDown', 0, 0, list)).toBeNull()
  })

  it('takes both pairs of arrows when asked', () => {
    const both = { orientation: 'both', wrap: false } as const
    expect(rovingTarget('ArrowRight', 0, 3, both)).toBe(1)
    expect(rovingTarget('ArrowDown', 0, 3, both)).toBe(1)
    expect(rovingTarget('ArrowLeft', 1, 3, both)).toBe(0)
    expect(rovingTarget('ArrowUp', 1, 3, both)).toBe(0)
  })
})
