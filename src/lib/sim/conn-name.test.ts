import { describe, expect, it } from 'vitest'
import { CLIENT_KEY_BLOCK, clientIndexOf, connBase, connName } from './conn-name.ts'

describe('connection names', () => {
  it('keeps c1, c2 … for a lesson with one client', () => {
    expect(connBase(0, 1)).toBe(0)
    expect(connName(1)).toBe('c1')
    expect(connName(12, 3)).toBe('c12.3')
    expect(clientIndexOf(12)).toBe(0)
  })

  it('gives each client its own block and letter', () => {
    const alice = connBase(0, 2) + 1
    const bob = connBase(1, 2) + 1
    expect([connName(alice), connName(bob), connName(bob + 1, 2)]).toEqual(['A1', 'B1', 'B2.2'])
    expect([clientIndexOf(alice), clientIndexOf(bob), clientIndexOf(connBase(1, 2) + CLIENT_KEY_BLOCK)]).toEqual([0, 1, 1])
    expect(connName(connBase(0, 2) + CLIENT_KEY_BLOCK)).toBe(`A${CLIENT_KEY_BLOCK}`)
    // Alice's numbers sort before Bob's: same-instant requests run in client order
    expect(alice + CLIENT_KEY_BLOCK - 1).toBeLessThan(bob)
  })
})
