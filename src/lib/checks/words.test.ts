import { describe, expect, it } from 'vitest'
import { pressedFaultEvents } from '../sim/fault-fixture.ts'
import { faultWords, faultsWords } from './words.ts'

const pressed = pressedFaultEvents

describe('faultWords: what the learner did, for a check message', () => {
  it('a drop of every connection is not called a restart (its sentence says "as when the server restarts")', () => {
    expect(faultWords(pressed({ kind: 'drop-connections' })[0]!)).toBe('you dropped every connection at 2.000 s')
  })

  it('names the restarted instance, the offline time, and a dropped connection', () => {
    expect(faultWords(pressed({ kind: 'restart-server' })[0]!)).toBe('you restarted the server at 2.000 s')
    expect(faultWords(pressed({ kind: 'restart-server', server: 2 }, 2)[0]!)).toBe('you restarted Server 2 at 2.000 s')
    const [off] = pressed({ kind: 'offline', durationMs: 3000 })
    expect(faultWords(off!)).toBe('you took the network offline at 2.000 s for 3 s')
    const { offlineUntil: _, ...drop } = off!
    expect(faultsWords([{ ...drop, conn: 'c3', description: 'The connection c3 is dropped.' }, off!])).toBe(
      'you dropped c3 at 2.000 s and you took the network offline at 2.000 s for 3 s',
    )
  })
})
