// One real macrotask without setTimeout's 4 ms clamp: lets every promise chain started by the code that
// just ran settle before we report back to the page.
const channel = new MessageChannel()
const queue: Array<() => void> = []
channel.port1.onmessage = () => queue.shift()?.()

export function afterMacrotask(fn: () => void): void {
  queue.push(fn)
  channel.port2.postMessage(0)
}

export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => afterMacrotask(resolve))
}
