// All of a learner's progress as one JSON file (their code and progress per lesson, with a format name
// and a schema version), and back. A file is untrusted: it is read field by field, refused as a whole
// with a clear message when it is broken or belongs to no lesson of this course, and written all or
// nothing (if storage fails half-way, what was there before is put back).
import { emptyProgress, parseProgress, ProgressError, started, type LessonProgress } from './progress-record.ts'
import { codeKey } from './code-store.ts'
import { isQuotaError, progressKey, readStoredProgress, storedProgress } from './progress-store.ts'

export const PROGRESS_FILE_FORMAT = 'wirelab-progress'
export const PROGRESS_FILE_VERSION = 1
export const MAX_FILE_BYTES = 5 * 1024 * 1024
const MAX_CODE = 200_000

export interface LessonSnapshot {
  /** the learner's code (null: the starter) */
  code: string | null
  progress: LessonProgress
}

export type ReadResult = { ok: true; lessons: Map<string, LessonSnapshot>; ignored: string[] } | { ok: false; message: string }

/** the file's text: lessons in course order */
export function progressFileText(lessons: ReadonlyMap<string, LessonSnapshot>, now: Date): string {
  const file = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    lessons: Object.fromEntries(lessons),
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

export const progressFileName = (now: Date) => `wirelab-progress-${now.toISOString().slice(0, 10)}.json`

const NOT_OURS = 'This is not a Wirelab progress file'

/** a file the learner chose, for this course's lessons; nothing is written here */
export function readProgressFile(text: string, courseSlugs: readonly string[]): ReadResult {
  if (text.length > MAX_FILE_BYTES)
    return { ok: false, message: `This file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB) to be a Wirelab progress file.` }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: `${NOT_OURS}: it is not JSON.` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: `${NOT_OURS}: it holds no progress.` }
  const file = value as Record<string, unknown>
  if (file.format !== PROGRESS_FILE_FORMAT) return { ok: false, message: `${NOT_OURS} (it has no "format": "${PROGRESS_FILE_FORMAT}").` }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return { ok: false, message: 'This progress file is damaged: its version is not a number.' }
  }
  if (file.version > PROGRESS_FILE_VERSION) {
    return {
      ok: false,
      message: `This progress file was made by a newer Wirelab (version ${file.version}); this one reads version ${PROGRESS_FILE_VERSION}. Update the course, then import it again.`,
    }
  }
  if (typeof file.lessons !== 'object' || file.lessons === null || Array.isArray(file.lessons)) {
    return { ok: false, message: 'This progress file is damaged: it has no "lessons".' }
  }
  const entries = Object.entries(file.lessons as Record<string, unknown>)
  const lessons = new Map<string, LessonSnapshot>()
  const ignored: string[] = []
  try {
    for (const [slug, entry] of entries) {
      if (!courseSlugs.includes(slug)) {
        ignored.push(slug.slice(0, 80))
        continue
      }
      lessons.set(slug, snapshot(entry, `lessons.${slug}`))
    }
  } catch (error) {
    if (error instanceof ProgressError) return { ok: false, message: `This progress file is damaged: ${error.message}. Nothing was imported.` }
    throw error
  }
  if (lessons.size === 0) {
    return {
      ok: false,
      message: entries.length
        ? `This progress file is for another course: none of its lessons (${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ', …' : ''}) is in this one.`
        : 'This progress file holds no lessons.',
    }
  }
  return { ok: true, lessons, ignored }
}

function snapshot(value: unknown, path: string): LessonSnapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProgressError(path, 'is not a lesson')
  const entry = value as Record<string, unknown>
  const extra = Object.keys(entry).filter((k) => k !== 'code' && k !== 'progress')
  if (extra.length) throw new ProgressError(path, `has unknown fields: ${extra.join(', ')}`)
  const code = entry.code ?? null
  if (code !== null && (typeof code !== 'string' || code.length > MAX_CODE))
    throw new ProgressError(`${path}.code`, `is not code of at most ${MAX_CODE} characters`)
  return { code, progress: parseProgress(entry.progress, `${path}.progress`) }
}

/** every lesson's stored code and progress (and `current`, a lesson's state in this tab, which may not be stored) */
export function collectProgress(
  storage: Storage | null,
  slugs: readonly string[],
  current?: { slug: string; snapshot: LessonSnapshot },
): Map<string, LessonSnapshot> {
  const lessons = new Map<string, LessonSnapshot>()
  for (const slug of slugs) {
    if (current?.slug === slug) {
      lessons.set(slug, current.snapshot)
      continue
    }
    const code = tryGet(storage, codeKey(slug))
    const text = tryGet(storage, progressKey(slug))
    const progress = text === null ? emptyProgress() : readableProgress(text)
    if (code !== null || started(progress)) lessons.set(slug, { code, progress })
  }
  return lessons
}

/** a damaged record is not exported: the lesson then has no progress in the file */
function readableProgress(text: string): LessonProgress {
  try {
    return readStoredProgress(text)
  } catch {
    return emptyProgress()
  }
}

function tryGet(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** replaces the stored code and progress of the file's lessons; all or nothing. null: done, else why not */
export function applyProgress(storage: Storage | null, lessons: ReadonlyMap<string, LessonSnapshot>): string | null {
  if (!storage) return 'Your browser does not let this page store data, so nothing was imported.'
  const keys = [...lessons.keys()].flatMap((slug) => [codeKey(slug), progressKey(slug)])
  const before = new Map(keys.map((key) => [key, tryGet(storage, key)]))
  try {
    for (const [slug, { code, progress }] of lessons) {
      if (code === null) storage.removeItem(codeKey(slug))
      else storage.setItem(codeKey(slug), code)
      storage.setItem(progressKey(slug), storedProgress(progress))
    }
    return null
  } catch (error) {
    for (const [key, value] of before) {
      try {
        if (value === null) storage.removeItem(key)
        else storage.setItem(key, value)
      } catch {
        // putting back the same size never needs more room than it had
      }
    }
    return isQuotaError(error)
      ? 'Browser storage for this site is full, so nothing was imported: what you had is unchanged.'
      : `The progress could not be imported (${error instanceof Error ? error.message : String(error)}): what you had is unchanged.`
  }
}
