// The lab's numbers, computed off the page's thread so a moving slider never blocks a frame. The page
// posts settings; the worker answers with parts as they are ready (the model at scale, then the plot,
// then each technique's live run), and between two steps it lets newer settings in: a step computed
// for settings the learner has already left is never started, so the answers follow the slider.
import { computeLiveTechnique, computeScale, liveScenario, plotPoint, RATES_PER_MINUTE, type LabSettings, type PlotPoint } from '../sim/lab/lab-compute.ts'
import { TECHNIQUES } from '../sim/lab/reference-clients.ts'
import type { LabMessage } from './lab-messages.ts'

let latest: { id: number; settings: LabSettings } | null = null
let running = false

/** lets queued messages (newer settings) in: a message-channel round trip, no timer clamping */
function breathe(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

const answer = (message: LabMessage) => postMessage(message)

async function run(): Promise<void> {
  running = true
  try {
    while (latest) {
      const { id, settings } = latest
      const stale = () => latest?.id !== id
      try {
        const scale = computeScale(settings)
        answer({ id, part: 'scale', scale })
        const plot: PlotPoint[] = []
        for (const rate of RATES_PER_MINUTE) {
          await breathe()
          if (stale()) break
          plot.push(plotPoint(settings, rate, scale))
        }
        if (stale()) continue
        answer({ id, part: 'plot', plot })
        const { clients, durationMs } = liveScenario(settings)
        for (const technique of TECHNIQUES) {
          await breathe()
          if (stale()) break
          answer({ id, part: 'live', technique, clients, durationMs, ...computeLiveTechnique(settings, technique) })
        }
      } catch (error) {
        answer({ id, part: 'error', message: error instanceof Error ? error.message : String(error) })
      }
      if (!stale()) latest = null
    }
  } finally {
    running = false
  }
}

self.onmessage = (event: MessageEvent<{ id: number; settings: LabSettings }>) => {
  latest = event.data
  if (!running) void run()
}
