// The declarations of `wirelab/server` for the editor's TypeScript service: the server API's own types
// file wrapped as an ambient module, so completion and errors in the server.ts tab match what the build
// and `lessons:check` type-check against. Loaded only by lessons with a server tab.
import apiTypes from '../sim/server-api/types.ts?raw'

export const SERVER_TYPES = `declare module 'wirelab/server' {
${apiTypes}
/** a lesson's simulated server (the default export of its server.ts) */
export function defineServer<Options = unknown, World = void>(definition: ServerDefinition<Options, World>): ServerDefinition<Options, World>
}
`
