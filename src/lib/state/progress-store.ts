// Progress per lesson in localStorage (key wirelab:progress:<slug>, a JSON record with a schema version).
// A save merges with what is stored, so two tabs never lose each other's progress; a damaged stored value
// reads as no progress for that lesson only (the others are kept) and is overwritten at the next save.
// Storage can be full, disabled or blocked: a save then says so instead of losing progress silently.
import { emptyProgress, mergeProgress, parseProgress, type LessonProgress } from './progress-record.ts'
import { safeLocalStorage } from './code-store.ts'

/** the version of the stored record (and of the export file's lessons) */
export const PROGRESS_SCHEMA = 1

export const progressKey = (slug: string) => `wirelab:progress:${slug}`

export interface ProgressStore {
  /** a lesson's stored progress (none when nothing, or nothing readable, is stored) */
  load(slug: string): LessonProgress
  /** merges with what is stored now (another tab's save) and writes; the merged progress, and why it was not saved */
  save(slug: string, progress: LessonProgress): { progress: LessonProgress; problem: string | null }
  /** another tab saved this lesson's progress; returns how to stop listening */
  watch(slug: string, onChange: (progress: LessonProgress) => void): () => void
  /** another tab saved any progress or code (the home page's summary) */
  watchAll(onChange: () => void): () => void
  /** lessons whose stored progress could not be read when last loaded */
  readonly damaged: ReadonlySet<string>
  /** why nothing can be stored at all (null: storage works) */
  readonly unavailable: string | null
}

/** the stored text of a record */
export const storedProgress = (progress: LessonProgress): string => JSON.stringify({ v: PROGRESS_SCHEMA, progress })

/** a stored text read back; throws when it is not a record this version can read */
export function readStoredProgress(text: string): LessonProgress {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== PROGRESS_SCHEMA) throw new Error('not a progress record of this version')
  return parseProgress((value as { progress?: unknown }).progress)
}

export const isQuotaError = (error: unknown): boolean => error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)

export function storageProblem(error: unknown, what: string): string {
  return isQuotaError(error)
    ? `Browser storage for this site is full, so ${what} is kept only in this tab. Export your progress to keep it safe.`
    : `${what[0]!.toUpperCase()}${what.slice(1)} could not be saved (${error instanceof Error ? error.message : String(error)}); it is kept only in this tab. Export your progress to keep it safe.`
}

export const NO_STORAGE =
  'Your browser does not let this page store data (a private window or a blocked site may be why), so your progress lasts only until you close the tab. Export your progress to keep it.'

export function browserProgressStore(storage: Storage | null = safeLocalStorage()): ProgressStore {
  const damaged = new Set<string>()
  const read = (slug: string): LessonProgress => {
    let text: string | null
    try {
      text = storage?.getItem(progressKey(slug)) ?? null
    } catch {
      return emptyProgress()
    }
    if (text === null) return emptyProgress()
    try {
      const progress = readStoredProgress(text)
      damaged.delete(slug)
      return progress
    } catch (error) {
      // one lesson's damaged record costs that record only; it is replaced at the next save
      damaged.add(slug)
      console.warn(`[wirelab] the stored progress of "${slug}" could not be read and is ignored: ${error instanceof Error ? error.message : String(error)}`)
      return emptyProgress()
    }
  }
  return {
    damaged,
    unavailable: storage ? null : NO_STORAGE,
    load: read,
    save(slug, progress) {
      const merged = mergeProgress(read(slug), progress)
      if (!storage) return { progress: merged, problem: NO_STORAGE }
      try {
        storage.setItem(progressKey(slug), storedProgress(merged))
        damaged.delete(slug)
        return { progress: merged, problem: null }
      } catch (error) {
        return { progress: merged, problem: storageProblem(error, 'your progress (check results, solved lessons, answers)') }
      }
    },
    watch(slug, onChange) {
      const listener = (event: StorageEvent) => {
        if (event.storageArea === storage && event.key === progressKey(slug)) onChange(read(slug))
      }
      globalThis.addEventListener?.('storage', listener)
      return () => globalThis.removeEventListener?.('storage', listener)
    },
    watchAll(onChange) {
      const listener = (event: StorageEvent) => {
        if (event.storageArea === storage && (event.key === null || event.key.startsWith('wirelab:'))) onChange()
      }
      globalThis.addEventListener?.('storage', listener)
      return () => globalThis.removeEventListener?.('storage', listener)
    },
  }
}
