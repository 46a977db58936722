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
  /** the teams, e.g. "Lions vs Tigers" */
  match: string
  minute: number
  /** goals of the home team (its name is in `match`) */
  home: number
  /** goals of the away team */
  away: number
}

/** Each message on the /chat WebSocket (JSON), e.g. {"type":"chat","from":"Cleo","text":"What a goal!"}. */
interface ChatMessage {
  type: 'chat'
  from: string
  text: string
}
