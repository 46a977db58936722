import { describe, expect, it } from 'vitest'
import { MAX_OUTPUT_ITEMS, applyUi, emptyOutput, isEmptyOutput } from './output-model.ts'
import { createUi } from './worker/ui.ts'
import type { UiOperation } from './output-model.ts'

describe('the Output pane model and the ui helper', () => {
  it('folds list, append, scoreboard, chat and clear into a view', () => {
    const ops: UiOperation[] = []
    const ui = createUi((op) => ops.push(op))
    ui.list(['a', 2, { x: 1 }])
    ui.append('b')
    ui.scoreboard({ home: 'Lions', away: 'Tigers', homeScore: 2, awayScore: 1, detail: 'minute 42' })
    ui.chat({ from: 'Bob', text: 'hi' })
    let view = emptyOutput()
    ops.forEach((op, i) => (view = applyUi(view, op, i * 100)))
    expect(view.list).toEqual(['a', '2', '{x: 1}', 'b'])
    expect(view.score).toEqual({ home: 'Lions', away: 'Tigers', homeScore: 2, awayScore: 1, detail: 'minute 42' })
    expect(view.chat).toEqual([{ from: 'Bob', text: 'hi', t: 300 }])
    ui.clear()
    expect(isEmptyOutput(applyUi(view, ops.at(-1)!, 400))).toBe(true)
  })

  it('says what is wrong when the arguments are', () => {
    const ui = createUi(() => {})
    expect(() => ui.list('abc')).toThrow('ui.list(items) needs an array')
    expect(() => ui.scoreboard({ home: 'A', away: 'B', homeScore: '1', awayScore: 0 })).toThrow('needs the scores as numbers')
    expect(() => ui.chat({ from: 'x' })).toThrow('needs the text')
  })

  it('keeps the list short: a chatty run cannot exhaust memory', () => {
    let view = emptyOutput()
    for (let i = 0; i < MAX_OUTPUT_ITEMS + 20; i++) view = applyUi(view, { op: 'append', item: String(i) }, i)
    expect(view.list.length).toBe(MAX_OUTPUT_ITEMS)
    expect(view.list[0]).toBe('20')
    expect(view.dropped).toBe(20)
  })
})
