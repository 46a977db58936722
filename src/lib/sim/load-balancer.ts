// The load balancer in front of several server instances: which instance a new connection reaches, and
// why (the trace shows the reason on the request). It also tells the trace which client and instance
// each connection belongs to. With one instance there is no balancer: everything reaches Server.
import type { BalancerPolicy } from './simulation-options.ts'
import type { Trace } from './trace.ts'
import { clientIndexOf } from './conn-name.ts'

/** "Server 1", "Server 2" … ("Server" alone when there is one) */
export function instanceName(index: number, count: number): string {
  return count > 1 ? `Server ${index + 1}` : 'Server'
}

export class LoadBalancer {
  private nextInstance = 0
  /** sticky sessions: the instance each client first reached */
  private readonly stickyInstance = new Map<number, number>()
  /** which instance (0-based) each connection reached */
  private readonly connInstance = new Map<string, number>()

  constructor(
    private readonly policy: BalancerPolicy,
    private readonly clientNames: readonly string[],
    private readonly instances: number,
    private readonly trace: Trace,
  ) {}

  /**
   * Picks the instance (0-based) for a new connection of the client that `key` numbers, and binds the
   * connection to its client and instance in the trace. With several instances, `why` says why.
   */
  route(conn: string, key: number): { index: number; why?: string } {
    const client = clientIndexOf(key)
    const clientName = this.clientNames.length > 1 ? this.clientNames[client] : undefined
    let index = 0
    let why: string | undefined
    if (this.instances > 1) {
      const pinned = this.policy === 'sticky' ? this.stickyInstance.get(client) : undefined
      index = pinned ?? this.nextInstance++ % this.instances
      if (this.policy === 'sticky') this.stickyInstance.set(client, index)
      const name = instanceName(index, this.instances)
      why =
        pinned !== undefined
          ? `The load balancer sends ${conn} to ${name}: sticky sessions keep ${clientName ?? 'this client'} on the instance it first reached.`
          : `The load balancer sends ${conn} to ${name}: ${this.policy === 'sticky' ? 'the first connection of this client goes to the next instance in turn, and later ones stick to it' : 'round-robin, each new connection goes to the next instance in turn'}.`
    }
    this.connInstance.set(conn, index)
    this.trace.bindConnection(conn, {
      ...(clientName ? { client: clientName } : {}),
      ...(this.instances > 1 ? { server: instanceName(index, this.instances) } : {}),
    })
    return { index, ...(why ? { why } : {}) }
  }

  /** the instance (0-based) connection `conn` reached, if it reached one */
  instanceOf(conn: string): number | undefined {
    return this.connInstance.get(conn)
  }

  /** a connection that never reached an instance still belongs to its client */
  bindClient(conn: string, key: number): void {
    if (this.clientNames.length > 1) this.trace.bindConnection(conn, { client: this.clientNames[clientIndexOf(key)]! })
  }
}
