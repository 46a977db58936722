import { describe, expect, it } from 'vitest'
import { compact, formatMs, formatRate } from './format.ts'

describe('the numbers on the lab page', () => {
  it('writes chart numbers compactly, deciding on the rounded value', () => {
    expect([0, 0.0028, 0.034, 3.456, 333.42, 1234, 9999.6, 10_000, 999_999.9, 1_200_312, 13_500_000].map(compact)).toEqual([
      '0',
      '2.8e-3',
      '0.03',
      '3.46',
      '333',
      '1.2 k',
      '10 k',
      '10 k',
      '1.0 M',
      '1.2 M',
      '14 M',
    ])
  })
  it('says rates and durations in words', () => {
    expect([1 / 60, 1 / 20, 0.5, 2, 600].map(formatRate)).toEqual(['1 an hour', '3 an hour', '30 an hour', '2 a minute', '600 a minute'])
    expect([500, 30_000, 120_000, 3_600_000].map(formatMs)).toEqual(['500 ms', '30 s', '2 min', '1 h'])
  })
})
