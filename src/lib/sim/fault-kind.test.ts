import { describe, expect, it } from 'vitest'
import { pressedFaultEvents } from './fault-fixture.ts'
import { faultKind, faultLabel } from './fault-kind.ts'
import type { FaultEvent } from './trace.ts'

const pressed = pressedFaultEvents

describe('faultKind and faultLabel', () => {
  it('a drop of every connection is a drop, not a restart (its sentence mentions "as when the server restarts")', () => {
    const [drop] = pressed({ kind: 'drop-connections' })
    expect(drop!.description).toContain('restarts') // the reason this needs more than the sentence
    expect([faultKind(drop!), faultLabel(drop!)]).toEqual(['drop-connections', 'Drop connections'])
  })

  it('tells a restart of the server, or of one instance, by its sentence', () => {
    const [one] = pressed({ kind: 'restart-server' })
    expect([faultKind(one!), faultLabel(one!)]).toEqual(['restart-server', 'Restart server'])
    const [second] = pressed({ kind: 'restart-server', server: 2 }, 2)
    expect([faultKind(second!), faultLabel(second!)]).toEqual(['restart-server', 'Restart Server 2'])
  })

  it('tells going offline from coming back, and a drop of one connection by its conn', () => {
    const [off, back] = pressed({ kind: 'offline', durationMs: 3000 })
    expect([faultKind(off!), faultLabel(off!)]).toEqual(['offline', 'Offline'])
    expect(faultKind(back!)).toBe('back-online')
    const one: FaultEvent = { ...off!, offlineUntil: undefined, conn: 'c3', description: 'The connection c3 is dropped.' }
    delete one.offlineUntil
    expect([faultKind(one), faultLabel(one)]).toEqual(['drop-connection', 'Drop c3'])
  })
})

describe('the faults that came with silent paths and downtime', () => {
  it('a silent path, its recovery and a restart with downtime each have their own kind and label', () => {
    const [silent, recovered] = pressed({ kind: 'silent', durationMs: 2000 })
    expect([faultKind(silent!), faultLabel(silent!)]).toEqual(['silent', 'Go silent'])
    expect(faultKind(recovered!)).toBe('recovered')
    const [down, up] = pressed({ kind: 'restart-server', downMs: 3000 })
    expect([faultKind(down!), faultLabel(down!)]).toEqual(['restart-server', 'Server down'])
    expect(faultKind(up!)).toBe('recovered')
  })
})
