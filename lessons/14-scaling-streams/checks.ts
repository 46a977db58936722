import { defineChecks, formatSeconds, listWords, type RunQuery } from 'wirelab/checks'

/** the newsroom posts one story a second; the run ends at 8 s, so stories 1–7 are the news */
const STORIES = [1, 2, 3, 4, 5, 6, 7]
const READERS = ['Alice', 'Bob']
/** where the newsroom posts a story: odd ones to Server 1, even ones to Server 2 */
const postedTo = (id: number) => (id % 2 === 1 ? 'Server 1' : 'Server 2')

/** the story an event carried ({ id, headline }), when it carried one */
function storyOf(run: RunQuery, event: Parameters<RunQuery['json']>[0]): number | undefined {
  const story = run.json(event) as { id?: unknown } | undefined
  return typeof story?.id === 'number' ? story.id : undefined
}

/** the stories `reader`'s code logged while handling an SSE event that carried that story */
function shown(run: RunQuery, reader: string): Set<number> {
  const ids = new Set<number>()
  for (const call of run.callsHandling(['sse-event'], reader)) {
    const id = storyOf(run, run.handled(call))
    if (id !== undefined && run.loggedFromHandled(call)) ids.add(id)
  }
  return ids
}

/** the feed's requests of one reader, in order */
const feedRequests = (run: RunQuery, reader: string) => run.requestsTo('/api/news', 'EventSource').filter((r) => r.client === reader)

const lastEventId = (request: { headers: ReadonlyArray<{ name: string; value: string }> }) =>
  request.headers.find((h) => h.name.toLowerCase() === 'last-event-id')?.value

const published = (run: RunQuery, id: number) => run.brokerEvents().filter((e) => e.kind === 'pubsub.publish' && storyOf(run, e) === id)

export default defineChecks([
  {
    id: 'every-reader-every-story',
    title: 'Every reader shows every story, whichever server it was posted to',
    claims: [65, 66],
    undisturbed: true,
    run(run) {
      for (const reader of READERS) {
        const missing = STORIES.filter((id) => !shown(run, reader).has(id))
        if (missing.length === 0) continue
        const elsewhere = missing.filter((id) => !published(run, id).length)
        if (!run.brokerOn)
          return {
            pass: false,
            message: `${reader} never showed the stories with ids ${listWords(missing.map(String))}: this run had no broker between the servers. Tick "Broker between servers" and run again.`,
          }
        if (elsewhere.length)
          return {
            pass: false,
            message: `${reader} never showed the stories with ids ${listWords(missing.map(String))}. The story with id ${elsewhere[0]} was posted to ${postedTo(elsewhere[0]!)} and never published on the broker, so only that server's readers heard of it: in server.ts, publish each story on the broker and subscribe every instance to it.`,
          }
        return {
          pass: false,
          message: `${reader} never showed the stories with ids ${listWords(missing.map(String))}, though they were published: check that every instance subscribes to the channel the stories are published on, and sends what it delivers to its own readers.`,
        }
      }
      return { pass: true, message: `Alice and Bob each showed all ${STORIES.length} stories, posted to both servers.` }
    },
  },
  {
    id: 'publishes-on-arrival',
    title: 'A server publishes each story the moment it is posted to it',
    claims: [65],
    undisturbed: true,
    run(run) {
      if (!run.brokerOn) return { pass: false, message: 'This run had no broker between the servers: tick "Broker between servers" and run again.' }
      for (const id of STORIES) {
        const onTime = published(run, id).find((p) => p.server === postedTo(id) && p.t === id * 1000)
        if (onTime) continue
        const late = published(run, id)[0]
        return {
          pass: false,
          message: late
            ? `The story with id ${id} was published at ${formatSeconds(late.t)} by ${late.server ?? 'a server'}, not by ${postedTo(id)} when it was posted there (${formatSeconds(id * 1000)}): publish in the handler of the 'story' event.`
            : `The story with id ${id} was posted to ${postedTo(id)} at ${formatSeconds(id * 1000)}, and ${postedTo(id)} never published it on the broker.`,
        }
      }
      return { pass: true, message: 'Each story was published by the server it was posted to, at once.' }
    },
  },
  {
    id: 'replays-after-reconnect',
    title: 'After the network drops, each reader gets the stories it missed from the server it comes back to',
    claims: [67, 68],
    undisturbed: true,
    run(run) {
      const replays: string[] = []
      for (const reader of READERS) {
        const [first, again] = feedRequests(run, reader)
        if (!first || !again) return { pass: false, message: `${reader}'s feed never reconnected after the network dropped: nothing to replay.` }
        const last = lastEventId(again)
        if (last === undefined)
          return {
            pass: false,
            message: `${reader} reconnected at ${formatSeconds(again.t)} without a Last-Event-ID header: no story with an id had reached ${reader}. Send each story with its id.`,
          }
        const missed = STORIES.filter((id) => id > Number(last) && id * 1000 < again.arrives)
        const replayed = run
          .sseEvents()
          .filter((e) => e.conn === again.conn && e.dispatches)
          .map((e) => storyOf(run, e))
        const notReplayed = missed.filter((id) => !replayed.includes(id))
        const where = again.server ?? 'the server'
        if (notReplayed.length)
          return {
            pass: false,
            message: `${reader} came back to ${where} at ${formatSeconds(again.arrives)} with Last-Event-ID: ${last}, but ${where} did not send the stories with ${listWords(notReplayed.map((id) => `id ${id}`))}, posted while ${reader} was away${notReplayed.some((id) => postedTo(id) !== where) ? ` (to ${listWords([...new Set(notReplayed.map(postedTo))])})` : ''}: when a stream opens with a Last-Event-ID, send every story of the history after that id.`,
          }
        const notShown = missed.filter((id) => !shown(run, reader).has(id))
        if (notShown.length) return { pass: false, message: `${where} replayed the story with id ${notShown[0]}, but ${reader} did not show it.` }
        replays.push(`${reader} ${missed.length ? `got ${listWords(missed.map((id) => `id ${id}`))} replayed by ${where}` : 'had missed nothing'}`)
      }
      return { pass: true, message: `After the drop, ${listWords(replays)}.` }
    },
  },
  {
    id: 'each-story-once',
    title: 'No reader receives a story twice',
    claims: [67],
    undisturbed: true,
    run(run) {
      for (const reader of READERS) {
        const ids = run
          .sseEvents()
          .filter((e) => e.client === reader && e.dispatches)
          .map((e) => storyOf(run, e))
          .filter((id): id is number => id !== undefined)
        const twice = ids.find((id, i) => ids.indexOf(id) !== i)
        if (twice !== undefined)
          return {
            pass: false,
            message: `${reader} received the story with id ${twice} twice: replay only the stories after the Last-Event-ID the reconnecting EventSource sends, not the whole history.`,
          }
      }
      return { pass: true, message: 'Every story reached each reader once.' }
    },
  },
])
