// The lab's tables as CSV (RFC 4180): one row per measure, one column per technique.
import { requestsPerSecond, totalBytes, type Measures } from './measures.ts'

export interface TableRow {
  /** what is measured, with its unit */
  label: string
  value: (m: Measures) => number | string | null
  /** shown with this many decimals (default 0) */
  decimals?: number
}

export const TABLE_ROWS: readonly TableRow[] = [
  { label: 'Requests', value: (m) => m.requests },
  { label: 'Requests per second at the server', value: (m) => requestsPerSecond(m), decimals: 2 },
  { label: 'Empty answers', value: (m) => m.emptyAnswers },
  { label: 'Bytes: headers', value: (m) => m.bytes.headers },
  { label: 'Bytes: framing', value: (m) => m.bytes.framing },
  { label: 'Bytes: payload', value: (m) => m.bytes.payload },
  { label: 'Bytes: total', value: (m) => totalBytes(m) },
  { label: 'Connections opened', value: (m) => m.connectionsOpened },
  { label: 'Connections held (mean open at once)', value: (m) => m.connectionsHeld, decimals: 2 },
  { label: 'Updates delivered', value: (m) => m.delivered },
  { label: 'Updates not delivered by the end', value: (m) => m.undelivered },
  { label: 'Delivery delay: mean (ms)', value: (m) => m.delay?.mean ?? null, decimals: 1 },
  { label: 'Delivery delay: p95 (ms)', value: (m) => m.delay?.p95 ?? null },
  { label: 'Delivery delay: max (ms)', value: (m) => m.delay?.max ?? null },
  { label: 'Messages the clients sent', value: (m) => m.sent },
  { label: 'Client sends on the same connection', value: (m) => (m.sendsOnSameConnection ? 'yes' : 'no: a POST each') },
]

/** one formatter per number of decimals: toLocaleString with options builds a new one each call, which
 * made redrawing the tables the main thread's largest cost while a slider moved */
const formatters = new Map<number, Intl.NumberFormat>()
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals)
  if (!f) formatters.set(decimals, (f = new Intl.NumberFormat('en', { maximumFractionDigits: decimals, minimumFractionDigits: decimals })))
  return f
}

export function formatCell(row: TableRow, m: Measures): string {
  const v = row.value(m)
  if (v === null) return '—'
  if (typeof v === 'string') return v
  return formatter(row.decimals ?? 0).format(v)
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/** `tables`: a name ("live", "model") and its measures, one per technique in the same order */
export function tablesToCsv(tables: ReadonlyArray<{ name: string; measures: readonly Measures[] }>): string {
  const techniques = tables[0]?.measures.map((m) => m.technique) ?? []
  const lines = [['table', 'measure', ...techniques].map(quote).join(',')]
  for (const table of tables)
    for (const row of TABLE_ROWS) {
      const cells = table.measures.map((m) => {
        const v = row.value(m)
        return v === null ? '' : typeof v === 'number' ? String(Number(v.toFixed(row.decimals ?? 3))) : v
      })
      lines.push([table.name, row.label, ...cells].map(quote).join(','))
    }
  return lines.join('\r\n') + '\r\n'
}
