// Opening a saved trace: a file from anywhere. Its size is capped before it is read, and reading,
// parsing and checking every field (sim/trace-schema.ts) happen in a worker, so a large or hostile
// file never freezes the page; what is wrong is said in plain words.
import { MAX_TRACE_FILE_BYTES, READABLE_VERSIONS, type TraceEvent } from '../../sim/trace.ts'
import { parseTraceEvents } from '../../sim/trace-schema.ts'

/** the events of a trace file's text; throws with what is wrong */
export function traceFromJson(text: string): TraceEvent[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`This file is not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error })
  }
  return parseTraceEvents(json, READABLE_VERSIONS)
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`

/** a size check, then the rest off the main thread */
export function openTraceFile(file: File): Promise<TraceEvent[]> {
  if (file.size > MAX_TRACE_FILE_BYTES) {
    return Promise.reject(new Error(`it is ${megabytes(file.size)}, and Wirelab opens traces up to ${megabytes(MAX_TRACE_FILE_BYTES)}`))
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./trace-file.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<{ events: TraceEvent[] } | { error: string }>) => {
      worker.terminate()
      if ('error' in event.data) reject(new Error(event.data.error))
      else resolve(event.data.events)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'the file could not be read'))
    }
    worker.postMessage(file)
  })
}
