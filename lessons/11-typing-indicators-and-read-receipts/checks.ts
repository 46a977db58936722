import { defineChecks, count, formatSeconds, isPlainObject, type RunQuery, type UiCall } from 'wirelab/checks'

/** the simulated message box of the starter: the instants of the keys you press (lesson.md, "Your task") */
const KEYS = [...Array.from({ length: 10 }, (_, i) => 2500 + i * 100), ...Array.from({ length: 14 }, (_, i) => 5000 + i * 100)]
const THROTTLE_MS = 1000

type Frame = ReturnType<RunQuery['wsFrames']>[number]

/** the frames of one direction whose JSON has this `type`, with the parsed message */
function messages(run: RunQuery, from: 'client' | 'server', type: string): Array<{ frame: Frame; message: Record<string, unknown> }> {
  return run.wsFrames({ from, opcode: 'text' }).flatMap((frame) => {
    const message = run.json(frame)
    return isPlainObject(message) && message.type === type ? [{ frame, message }] : []
  })
}

/** the frames that reached the code before the run ended */
const arrived = (run: RunQuery, list: ReturnType<typeof messages>) => list.filter(({ frame }) => frame.arrives <= run.end.at)

/** the text a ui call put on the page (list items, an appended item, a chat line) */
function uiText(call: UiCall): string {
  const o = call.operation as { items?: unknown; item?: unknown; from?: unknown; text?: unknown }
  if (Array.isArray(o.items)) return o.items.map(String).join('\n')
  return [o.item, o.from, o.text].filter((v) => typeof v === 'string').join(' ')
}

/** the ui calls made while handling this frame */
const uiFor = (run: RunQuery, frame: Frame) => run.uiCalls().filter((c) => c.cause?.kind === 'ws-event' && c.cause.event === frame.seq)

/** the Output pane's list as the ui calls up to `t` left it */
function listAt(run: RunQuery, t: number): string[] {
  let list: string[] = []
  for (const call of run.uiCalls()) {
    if (call.t > t) break
    const o = call.operation as { op: string; items?: unknown[]; item?: unknown }
    if (o.op === 'list') list = (o.items ?? []).map(String)
    else if (o.op === 'append') list = [...list, String(o.item)]
    else if (o.op === 'clear') list = []
  }
  return list
}

export default defineChecks([
  {
    id: 'speaks-chat-v2',
    title: 'Open the chat offering the chat.v2 subprotocol, and let the server choose it',
    claims: [53],
    undisturbed: true,
    run(run) {
      const handshakes = run.requests().filter((r) => r.api === 'WebSocket')
      if (handshakes.length === 0) return { pass: false, message: "No WebSocket was opened: open one to /chat with new WebSocket('/chat', …)." }
      for (const request of handshakes) {
        const answer = run.responses().find((r) => r.conn === request.conn && r.status === 101)
        const chosen = answer?.headers.find((h) => h.name.toLowerCase() === 'sec-websocket-protocol')?.value
        if (chosen === 'chat.v2') return { pass: true, message: `The handshake of ${request.conn} offered chat.v2 and the 101 chose it.` }
      }
      const offered = handshakes[0]!.headers.find((h) => h.name.toLowerCase() === 'sec-websocket-protocol')?.value
      return {
        pass: false,
        message: offered
          ? `Your handshake offered "${offered}", so the server speaks the old protocol with you: no ids, no typing, no receipts. Offer the version this lesson is about.`
          : "Your handshake offered no subprotocol (no Sec-WebSocket-Protocol header), so the server speaks the old protocol with you: no ids, no typing, no receipts. Pass the subprotocols you speak as new WebSocket's second argument.",
      }
    },
  },
  {
    id: 'throttles-typing',
    title: 'Tell the others you are typing at once, then at most once a second while you type',
    claims: [37, 54],
    undisturbed: true,
    run(run) {
      const sent = messages(run, 'client', 'typing').map(({ frame }) => frame.t)
      const keys = `${count(KEYS.length, 'key')} from ${formatSeconds(KEYS[0]!)} to ${formatSeconds(KEYS.at(-1)!)}`
      if (sent.length === 0) return { pass: false, message: `You typed ${keys}, and your code sent no typing event: send one from onInput.` }
      // while keys keep coming, the others must hear within a second: a key with no typing event in the second before it
      const silent = KEYS.find((k) => !sent.some((t) => t <= k && t >= k - THROTTLE_MS))
      if (silent !== undefined)
        return {
          pass: false,
          message:
            silent === KEYS[0] || silent === KEYS[10]
              ? `You started typing at ${formatSeconds(silent)} and the others were not told until later: send the first typing event at the first key, then hold back.`
              : `You were still typing at ${formatSeconds(silent)}, but your last typing event was more than a second before: once a second has passed, the next key sends again.`,
        }
      const offKey = sent.find((t) => !KEYS.includes(t))
      if (offKey !== undefined)
        return {
          pass: false,
          message: `A typing event left at ${formatSeconds(offKey)}, when no key was pressed: send typing events from onInput, when a key comes, never from a timer of their own (you may have stopped typing).`,
        }
      const close = sent.findIndex((t, i) => i > 0 && t - sent[i - 1]! < THROTTLE_MS)
      if (close > 0)
        return {
          pass: false,
          message: `${count(sent.length, 'typing event')} for ${count(KEYS.length, 'key')}: two left ${sent[close]! - sent[close - 1]!} ms apart (at ${formatSeconds(sent[close]!)}). Everybody in the chat gets each one: at most one a second is enough.`,
        }
      return {
        pass: true,
        message: `${count(sent.length, 'typing event')} for ${count(KEYS.length, 'key')}: each when a key came, at least a second apart, none missing.`,
      }
    },
  },
  {
    id: 'acknowledges-reads',
    title: "Acknowledge each of Bob's messages by its id, once it is shown",
    claims: [55],
    undisturbed: true,
    run(run) {
      const bobs = arrived(run, messages(run, 'server', 'chat')).filter(({ message }) => message.from !== 'You')
      if (bobs.length === 0) return { pass: false, message: "No message of Bob's reached your code: open the chat (he writes at 2.0 s)." }
      const withIds = bobs.filter(({ message }) => typeof message.id === 'number')
      if (withIds.length === 0)
        return { pass: false, message: "Bob's message carried no id: the old protocol has none. Speak chat.v2, then acknowledge each message by its id." }
      const reads = messages(run, 'client', 'read')
      for (const { frame, message } of withIds) {
        const acks = reads.filter((r) => r.message.id === message.id)
        if (acks.length === 0)
          return {
            pass: false,
            message: `Bob's message #${String(message.id)} reached you at ${formatSeconds(frame.arrives)}, and your code never sent a read receipt for it: once you have shown it, send a read message with its id.`,
          }
        if (acks.length > 1) return { pass: false, message: `You acknowledged message #${String(message.id)} ${acks.length} times: a receipt is sent once.` }
        if (acks[0]!.frame.t < frame.arrives)
          return { pass: false, message: `Your receipt for #${String(message.id)} left before the message arrived: acknowledge it when it comes.` }
      }
      const ids = new Set(withIds.map(({ message }) => message.id))
      const stray = reads.find((r) => !ids.has(r.message.id))
      if (stray)
        return {
          pass: false,
          message: `You sent a read receipt for ${JSON.stringify(stray.message.id)}, which is not the id of a message Bob sent you: acknowledge the ids the messages carry (not your own messages).`,
        }
      return { pass: true, message: `${count(withIds.length, 'message')} of Bob's acknowledged by id, each once, when it arrived.` }
    },
  },
  {
    id: 'shows-typing-and-receipts',
    title: 'Show who is typing and who has read your message, from the frames that say so',
    claims: [56],
    undisturbed: true,
    run(run) {
      const typing = arrived(run, messages(run, 'server', 'typing'))
      if (typing.length === 0) return { pass: false, message: 'No typing event reached your code: speak chat.v2 (Bob types from 0.4 s).' }
      const shownTyping = typing.find(({ frame, message }) =>
        uiFor(run, frame).some((c) => uiText(c).includes(String(message.from)) && /typing/i.test(uiText(c))),
      )
      if (!shownTyping)
        return {
          pass: false,
          message: `Bob's typing events reached your code (first at ${formatSeconds(typing[0]!.frame.arrives)}), and the page never said he was typing when one came: show it with the ui helper in onmessage.`,
        }
      const bobs = arrived(run, messages(run, 'server', 'chat')).filter(({ message }) => message.from !== 'You')
      const shown = bobs.filter(({ frame }) => uiFor(run, frame).some((c) => c.operation.op === 'chat'))
      if (bobs.length > shown.length) return { pass: false, message: "Bob's message arrived and was not shown with ui.chat from its frame." }
      const after = bobs[0] ? listAt(run, bobs[0].frame.arrives) : []
      if (after.some((line) => /typing/i.test(line)))
        return {
          pass: false,
          message: `At ${formatSeconds(bobs[0]!.frame.arrives)} Bob's message arrived, and your page still said he was typing: hide the indicator when his message comes (and after a few seconds without a typing event).`,
        }
      const receipts = arrived(run, messages(run, 'server', 'read'))
      if (receipts.length === 0) return { pass: false, message: 'No read receipt reached your code: send your message, speak chat.v2, and Bob reads it.' }
      const shownReceipt = receipts.find(({ frame, message }) => uiFor(run, frame).some((c) => uiText(c).includes(String(message.by))))
      if (!shownReceipt)
        return {
          pass: false,
          message: `Bob's read receipt reached your code at ${formatSeconds(receipts[0]!.frame.arrives)}, and the page did not show who read your message when it came: show it with the ui helper.`,
        }
      return { pass: true, message: 'The page showed Bob typing, hid it when his message came, and showed his receipt, each from its frame.' }
    },
  },
])
