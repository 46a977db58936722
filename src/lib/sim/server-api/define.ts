import type { ServerDefinition } from './types.ts'

/** a lesson's simulated server (the default export of its `server.ts`) */
export function defineServer<Options = unknown, World = void>(definition: ServerDefinition<Options, World>): ServerDefinition<Options, World> {
  if (typeof definition?.setup !== 'function') throw new Error('defineServer needs { setup(server) { … } }')
  return definition
}
