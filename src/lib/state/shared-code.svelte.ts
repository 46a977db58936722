// A share link's code, on the page that opened it: offered to the visitor (decoded, checked, never run
// without their click), taken into the editor and run to the link's step when they choose, and their
// own code kept so they can go back to it.
import { decodeSharedCode, type SharedRun } from '../share/share-code.ts'
import type { LessonSession } from './lesson-session.svelte.ts'

export class SharedCodeOffer {
  /** what the link carries, waiting for the visitor's choice */
  offer = $state<(SharedRun & { step: number | null }) | null>(null)
  /** the link could not be read */
  problem = $state<string | null>(null)
  /** the visitor's own code before they took the shared code (null: nothing of theirs to go back to) */
  ownCode = $state<string | null>(null)
  private opened = ''

  constructor(private readonly session: LessonSession) {}

  /** a share link was opened (again: nothing new to ask) */
  async open(data: string, step: number | null): Promise<void> {
    if (data === this.opened) return
    this.opened = data
    const read = await decodeSharedCode(data)
    this.offer = read.ok ? { code: read.code, broker: read.broker, step } : null
    this.problem = read.ok ? null : read.message
  }

  /** whether taking the shared code replaces code of the visitor's own */
  get replacesOwnCode(): boolean {
    const { code, lesson } = this.session
    return this.offer !== null && code !== lesson.starter && code !== this.offer.code
  }

  /** the visitor chose: the shared code goes into the editor and runs, to the link's step */
  async accept(): Promise<void> {
    const offer = this.offer
    if (!offer) return
    if (this.replacesOwnCode) this.ownCode = this.session.code
    this.offer = null
    this.session.edit(offer.code)
    this.session.flush()
    if (offer.broker !== null && this.session.instances > 1) this.session.chooseBroker(offer.broker)
    if (offer.step === null) await this.session.run()
    else await this.session.replayTo(offer.step)
  }

  dismiss(): void {
    this.offer = null
    this.problem = null
  }

  /** back to the code the visitor had before taking the shared code */
  backToOwnCode(): void {
    if (this.ownCode === null) return
    this.session.edit(this.ownCode)
    this.session.flush()
    this.ownCode = null
  }
}
