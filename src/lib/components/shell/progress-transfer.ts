// Export and import of all progress, for the home page and the lesson page's storage warning.
import { lessonIndex } from 'virtual:wirelab/lessons'
import { safeLocalStorage } from '../../state/code-store.ts'
import {
  applyProgress,
  collectProgress,
  progressFileName,
  progressFileText,
  readProgressFile,
  type LessonSnapshot,
  type ReadResult,
} from '../../state/progress-file.ts'
import { downloadText } from './download.ts'

const slugs = () => lessonIndex.map((l) => l.slug)

/** downloads every lesson's code and progress; `current`: the open lesson's state in this tab (it may not be stored) */
export function exportProgress(current?: { slug: string; snapshot: LessonSnapshot }): void {
  const now = new Date()
  downloadText(progressFileName(now), 'application/json', progressFileText(collectProgress(safeLocalStorage(), slugs(), current), now))
}

/** reads a chosen file; nothing is written yet */
export async function readChosenFile(file: File): Promise<ReadResult> {
  if (file.size > 5 * 1024 * 1024)
    return { ok: false, message: `This file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB) to be a Wirelab progress file.` }
  return readProgressFile(await file.text(), slugs())
}

/** writes what was read (all or nothing); null when done, else why not */
export const applyImport = (lessons: ReadonlyMap<string, LessonSnapshot>): string | null => applyProgress(safeLocalStorage(), lessons)

export const lessonTitle = (slug: string): string => lessonIndex.find((l) => l.slug === slug)?.title ?? slug
