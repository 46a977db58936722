// A request for a path the server does not have gets what a real server gives (404); the console also
// gets a hint, marked as Wirelab's, naming what this lesson's server offers.
import type { Simulation } from '../sim/simulation.ts'

export function hintOnUnknownEndpoints(sim: Simulation, hint: (t: number, text: string) => void): void {
  sim.trace.subscribe((e) => {
    if (e.kind !== 'http.response' || e.status !== 404 || e.from !== 'server') return
    const request = sim.trace.events.find((r) => r.kind === 'http.request' && r.conn === e.conn)
    const what = request?.kind === 'http.request' ? `${request.method} ${request.target}` : 'A request'
    hint(e.arrives, `${what} got 404 Not Found: this lesson's server has no such endpoint. It offers: ${sim.server.endpoints.join(', ')}.`)
  })
}
