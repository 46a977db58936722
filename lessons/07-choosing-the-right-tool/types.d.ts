/** One message in the inbox. */
interface InboxMessage {
  /** counts up from 1 across all messages */
  id: number
  from: string
  text: string
}

/** What GET /api/messages?since=<id> answers. */
interface InboxAnswer {
  /** the messages newer than `since`, oldest first */
  messages: InboxMessage[]
  /** the id to ask from next time */
  last: number
}

/** The data of each event on /api/stream (JSON). */
interface ScoreUpdate {
  match: string
  minute: number
  home: number
  away: number
}

/** Each message on the /chat WebSocket (JSON). */
interface ChatMessage {
  type: 'chat'
  from: string
  text: string
}
