import { describe, expect, it } from 'vitest'
import { fitCentred, fitText } from './fit-text.ts'

describe('fitText', () => {
  it('keeps text that fits, and cuts longer text with an ellipsis to the room it has', () => {
    expect(fitText('GET /api/stream', 200, 12)).toBe('GET /api/stream')
    const cut = fitText('{"match":"Lions vs Tigers","minute":1,"home":1,"away":0}', 150, 11)
    expect(cut).toBe('{"match":"Lions vs T…')
    expect(cut.length * 11 * 0.62).toBeLessThanOrEqual(150)
    expect(fitText('anything', 5, 12)).toBe('…')
  })

  it('centres: the room is twice the distance to the nearer edge', () => {
    expect(fitCentred('0123456789', 100, 52, 390, 10)).toBe('0123456789') // 96 px of room
    expect(fitCentred('0123456789', 70, 52, 390, 10)).toBe('0123…') // 36 px of room
  })
})
