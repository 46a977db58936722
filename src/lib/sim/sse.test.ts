import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { encodeSseEvent, parseSseStream, SseParser, sseDispatches } from './sse.ts'

// Examples from the WHATWG HTML standard, §9.2.5 "Event stream interpretation" and §9.2.6 "Authoring notes".
describe('SSE parser: the WHATWG examples', () => {
  it('fires three message events for three blocks, joining multi-line data', () => {
    const stream = 'data: This is the first message.\n\ndata: This is the second message, it\ndata: has two lines.\n\ndata: This is the third message.\n\n'
    expect(parseSseStream(stream).map((e) => e.data)).toEqual([
      'This is the first message.',
      'This is the second message, it\nhas two lines.',
      'This is the third message.',
    ])
  })

  it('uses "event:" as the type ("add" / "remove")', () => {
    const stream = 'event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n'
    expect(parseSseStream(stream)).toEqual([
      { type: 'add', data: '73857293', lastEventId: '' },
      { type: 'remove', data: '2153', lastEventId: '' },
      { type: 'add', data: '113411', lastEventId: '' },
    ])
  })

  it('joins "YHOO", "+2", "10" into one data value', () => {
    expect(parseSseStream('data: YHOO\ndata: +2\ndata: 10\n\n')).toEqual([{ type: 'message', data: 'YHOO\n+2\n10', lastEventId: '' }])
  })

  it('handles the comment / id / empty id / leading-space example', () => {
    const stream = ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n'
    const events = parseSseStream(stream)
    expect(events).toEqual([
      { type: 'message', data: 'first event', lastEventId: '1' },
      { type: 'message', data: 'second event', lastEventId: '' },
    ]) // the third block is never dispatched: no blank line follows it
    expect(parseSseStream(stream + '\n')[2]).toEqual({ type: 'message', data: ' third event', lastEventId: '' })
  })

  it('fires empty data for "data" alone, "\\n" for two "data" lines, and drops an unterminated block', () => {
    expect(parseSseStream('data\n\ndata\ndata\n\ndata:').map((e) => e.data)).toEqual(['', '\n'])
  })

  it('treats "data:test" and "data: test" alike', () => {
    expect(parseSseStream('data:test\n\ndata: test\n\n').map((e) => e.data)).toEqual(['test', 'test'])
  })

  it('accepts CR, LF and CRLF line endings, also when a CRLF is split across chunks, and skips a BOM', () => {
    const events: string[] = []
    const parser = new SseParser((e) => events.push(e.data))
    parser.push('\uFEFFdata: a\r')
    parser.push('\ndata: b\r\r')
    parser.push('data: c\n\n')
    expect(events).toEqual(['a\nb', 'c'])
  })

  it('ignores retry values that are not all digits and ids containing NULL', () => {
    // the valid value comes first: a parser that took "12a" (as 12 or NaN) would overwrite it
    const parser = new SseParser()
    parser.push('retry: 3000\nid: 7\n\nretry: 12a\nid: x\0y\ndata: z\n\n')
    expect(parser.reconnectionTime).toBe(3000)
    expect(parser.lastEventId).toBe('7')
    for (const bad of ['12a', ' 12', '-5', '1.5', '']) {
      const alone = new SseParser()
      alone.push(`retry: ${bad}\n\n`)
      expect(alone.reconnectionTime, `retry: ${bad}`).toBeNull()
    }
  })

  it('dispatches at a blank line only when the block had data; an id alone still sets the last event id', () => {
    const types: string[] = []
    const parser = new SseParser((e) => types.push(e.type))
    parser.push('retry: 2000\n\n: heartbeat\n\nid: 4\n\n')
    expect(types).toEqual([])
    expect(parser.lastEventId).toBe('4')
    parser.push('event: goal\ndata: 1\n\nid:\ndata: 2\n\n')
    expect(types).toEqual(['goal', 'message'])
    // an empty id resets the last event id: a reconnection then sends no Last-Event-ID
    expect(parser.lastEventId).toBe('')
    expect(parser.lines.filter((l) => l.kind === 'blank').map((l) => l.dispatched)).toEqual([null, null, null, 'goal', 'message'])
  })
})

describe('SSE encoder', () => {
  it('writes an id and JSON data as exactly "id: 3\\ndata: {...}\\n\\n"', () => {
    expect(encodeSseEvent({ id: '3', data: '{"home":1,"away":0}' })).toBe('id: 3\ndata: {"home":1,"away":0}\n\n')
  })

  it('splits data on every kind of line break into data lines (the YHOO example)', () => {
    expect(encodeSseEvent({ data: 'YHOO\n+2\r\n10' })).toBe('data: YHOO\ndata: +2\ndata: 10\n\n')
  })

  it('writes event, retry and comment fields', () => {
    expect(encodeSseEvent({ event: 'add', data: '73857293' })).toBe('event: add\ndata: 73857293\n\n')
    expect(encodeSseEvent({ retry: 3000 })).toBe('retry: 3000\n\n')
    expect(encodeSseEvent({ comment: 'heartbeat' })).toBe(': heartbeat\n\n')
  })

  it('refuses values a browser would misread', () => {
    expect(() => encodeSseEvent({ event: 'a\nb', data: 'x' })).toThrow(/line break/)
    expect(() => encodeSseEvent({ id: 'a\0b', data: 'x' })).toThrow(/NULL/)
    expect(() => encodeSseEvent({ retry: 1.5 })).toThrow(/whole number/)
  })

  it('dispatches only blocks with data', () => {
    expect(sseDispatches({ comment: 'x' })).toBe(false)
    expect(sseDispatches({ retry: 5 })).toBe(false)
    expect(sseDispatches({ data: '' })).toBe(true)
  })

  it('round-trips: what the encoder writes, the parser reads back (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', 'é', '{', '"', '1') })
    fc.assert(
      fc.property(
        fc.record({
          id: fc.option(line, { nil: undefined }),
          event: fc.option(
            line.filter((s) => s.trim() !== ''),
            { nil: undefined },
          ),
          data: fc.array(line, { minLength: 1, maxLength: 4 }),
        }),
        ({ id, event, data }) => {
          const text = encodeSseEvent({ ...(id === undefined ? {} : { id }), ...(event === undefined ? {} : { event }), data: data.join('\n') })
          const [parsed] = parseSseStream(text)
          expect(parsed).toEqual({ type: event || 'message', data: data.join('\n'), lastEventId: id ?? '' })
        },
      ),
    )
  })
})
