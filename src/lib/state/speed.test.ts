import { describe, expect, it } from 'vitest'
import { loadSpeed, saveSpeed, suggestSpeed } from './speed.ts'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size
    },
  }
}

describe('the remembered speed', () => {
  it('is 1× until one is saved, then the saved one, skip ahead included', () => {
    const store = memoryStorage()
    expect(loadSpeed(store)).toBe(1)
    saveSpeed(4, store)
    expect(loadSpeed(store)).toBe(4)
    saveSpeed(Infinity, store)
    expect(loadSpeed(store)).toBe(Infinity)
  })

  it('ignores a value that is not one of the choices, and storage that fails', () => {
    const store = memoryStorage()
    store.setItem('wirelab:speed', '3')
    expect(loadSpeed(store)).toBe(1)
    const broken = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('blocked')
      },
      setItem: () => {
        throw new Error('full')
      },
    } as Storage
    expect(() => saveSpeed(4, broken)).not.toThrow()
    expect(loadSpeed(broken)).toBe(1)
    expect(loadSpeed(null)).toBe(1)
  })
})

describe('suggestSpeed', () => {
  it('suggests nothing for runs that are short at this speed', () => {
    expect(suggestSpeed(5500, 1)).toBeNull()
    expect(suggestSpeed(30_000, 1)).toBeNull()
    expect(suggestSpeed(62_000, 4)).toBeNull()
    expect(suggestSpeed(62_000, Infinity)).toBeNull()
  })

  it('suggests the slowest speed that makes a long run comfortable', () => {
    expect(suggestSpeed(62_000, 1)).toBe(4) // 15.5 s
    expect(suggestSpeed(62_000, 0.25)).toBe(4)
    expect(suggestSpeed(35_000, 1)).toBe(2) // 17.5 s
    expect(suggestSpeed(600_000, 1)).toBe(16)
  })
})
