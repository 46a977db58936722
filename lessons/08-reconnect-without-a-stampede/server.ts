// A live blog over WebSocket. The posts are kept in a log that survives a restart (the `world`: think of
// a database beside the server), so a client that says which post it showed last (`/feed?after=7`) gets
// exactly the ones after it. A client that does not say gets the last few posts, as a chat shows recent
// history on joining: after a long outage that leaves a gap, after a short one it shows posts twice.
import { defineServer } from 'wirelab/server'

interface FeedOptions {
  /** simulated ms between two posts */
  everyMs: number
  /** how many recent posts a client that does not say where it stopped gets on joining */
  recent: number
}

interface Post {
  seq: number
  from: string
  text: string
}

const LINES: ReadonlyArray<readonly [string, string]> = [
  ['Ada', 'Doors are open, the hall is filling up'],
  ['Ben', 'First speaker on stage'],
  ['Ada', 'Slides are up: "Real time, for real"'],
  ['Cleo', 'Live demo starting'],
  ['Ben', 'The demo works on the first try'],
  ['Ada', 'Questions from the floor'],
  ['Cleo', 'Short break, back in five'],
  ['Ben', 'Second talk: scaling out'],
]

export default defineServer<FeedOptions, Post[]>({
  endpoints: ['WebSocket /feed?after=<seq> (posts after that one; without it, the recent ones)'],
  // the log of posts: it lives outside the server process, so a restart does not lose it
  world(world) {
    const log: Post[] = []
    world.every(world.options.everyMs, () => {
      const seq = log.length + 1
      const [from, text] = LINES[(seq - 1) % LINES.length]!
      const post = { seq, from, text: `${text} (${seq})` }
      log.push(post)
      world.emit('post', post)
    })
    return log
  },
  setup(server, log) {
    const joined = server.counter('joined', ['client joined', 'clients joined'])
    server.forgets(() => `${server.sockets('/feed').length} open sockets (the posts are in the log, which survives)`)
    server.on('post', (post) => {
      for (const socket of server.sockets('/feed')) socket.send(post as Post)
    })
    server.socket('/feed', {
      open(socket) {
        joined.add()
        const after = socket.request.query.after
        const resume = after !== undefined && /^\d+$/.test(after) ? Number(after) : null
        const backlog = resume === null ? log.slice(-server.options.recent) : log.filter((p) => p.seq > resume)
        server.log(
          resume === null
            ? `${socket.conn} joined: sent the ${backlog.length} most recent posts`
            : `${socket.conn} resumed after #${resume}: sent ${backlog.length} posts`,
        )
        for (const post of backlog) socket.send(post)
      },
    })
  },
})
