// Words and numbers for the lab's controls and charts.
import type { Technique } from '../../sim/lab/reference-clients.ts'

export const TECHNIQUE_NAMES: Record<Technique, string> = {
  'short-polling': 'Short polling',
  'long-polling': 'Long polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket',
}

/** CSS colour of a technique (docs/design.md) */
export const techniqueColour = (t: Technique) => `var(--${t === 'websocket' ? 'ws' : t})`

/** "1 an hour", "10 an hour", "2 a minute", "600 a minute" */
export function formatRate(perMinute: number): string {
  if (perMinute < 1) return `${Math.round(perMinute * 60)} an hour`
  return `${perMinute} a minute`
}

/** "500 ms", "30 s", "2 min", "1 h" */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${ms / 1000} s`
  if (ms < 3_600_000) return `${ms / 60_000} min`
  return `${ms / 3_600_000} h`
}

/** a compact number for chart labels: 0.0012, 3.4, 120, 4.5 k, 1.2 M */
export function compact(n: number): string {
  if (n === 0) return '0'
  const abs = Math.abs(n)
  // decide on the rounded value, so 9 999.6 is "10 k" like 10 000, not "10.0 k"
  const scaled = (unit: number, suffix: string) => {
    const one = Math.abs(Number((n / unit).toFixed(1)))
    return `${(n / unit).toFixed(one >= 10 ? 0 : 1)} ${suffix}`
  }
  if (Math.abs(Number(n.toFixed(0))) >= 1e6) return scaled(1e6, 'M')
  if (Math.abs(Number(n.toFixed(0))) >= 1e3) return scaled(1e3, 'k')
  if (abs >= 10) return n.toFixed(0)
  if (abs >= 0.01) return n.toFixed(2)
  return n.toExponential(1)
}

/** "1 client", "10,000 clients" */
const whole = new Intl.NumberFormat('en')
export const plural = (n: number, one: string) => `${whole.format(n)} ${one}${n === 1 ? '' : 's'}`
