// Learner code kept per lesson in localStorage. Storage can be full, disabled or blocked; then the code
// stays in memory and the learner is told, instead of losing an edit silently.

export interface CodeStore {
  load(slug: string): string | null
  /** null when saved, or a message saying why it could not be */
  save(slug: string, code: string): string | null
  clear(slug: string): void
  /** another tab saved or cleared this lesson's code (null: back to the starter); returns how to stop listening */
  watch(slug: string, onChange: (code: string | null) => void): () => void
}

/** where a lesson's code is kept (also read by the progress export) */
export const codeKey = (slug: string) => `wirelab:code:${slug}`
const key = codeKey

export function browserCodeStore(storage: Storage | null = safeLocalStorage()): CodeStore {
  return {
    load(slug) {
      try {
        return storage?.getItem(key(slug)) ?? null
      } catch {
        return null
      }
    },
    save(slug, code) {
      if (!storage) return 'Your browser does not let this page store data, so edits last only until you close the tab. Download your code to keep it.'
      try {
        storage.setItem(key(slug), code)
        return null
      } catch (error) {
        const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
        return full
          ? 'Browser storage for this site is full, so your latest edit is kept only in this tab. Download your code to keep it safe.'
          : `Your edit could not be saved (${error instanceof Error ? error.message : String(error)}); it is kept only in this tab. Download your code to keep it safe.`
      }
    },
    clear(slug) {
      try {
        storage?.removeItem(key(slug))
      } catch {
        // nothing stored, nothing to clear
      }
    },
    watch(slug, onChange) {
      // the storage event fires in every other tab of this origin, never in the tab that saved
      const listener = (event: StorageEvent) => {
        if (event.storageArea === storage && event.key === key(slug)) onChange(event.newValue)
      }
      globalThis.addEventListener?.('storage', listener)
      return () => globalThis.removeEventListener?.('storage', listener)
    },
  }
}

export function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
