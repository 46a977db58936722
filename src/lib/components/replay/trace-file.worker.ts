// Reads and checks a trace file off the main thread (see trace-file.ts).
import { traceFromJson } from './trace-file.ts'

self.onmessage = async (event: MessageEvent<File>) => {
  try {
    postMessage({ events: traceFromJson(await event.data.text()) })
  } catch (error) {
    postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}
