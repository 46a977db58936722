import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { SERVER_TYPES } from './server-types.ts'

describe('the server tab declarations', () => {
  it('type a server.ts that imports wirelab/server, and catch a wrong call', () => {
    const files: Record<string, string> = {
      '/api.d.ts': SERVER_TYPES,
      '/server.ts': `import { defineServer } from 'wirelab/server'
export default defineServer({
  setup(server) {
    server.get('/a', (req, res) => res.json({ since: req.query.since }))
    server.publish('chat', 42)
  },
})
`,
    }
    const host = ts.createCompilerHost({ strict: true, noEmit: true, types: [] })
    const read = host.readFile.bind(host)
    host.readFile = (name) => files[name] ?? read(name)
    host.fileExists = (name) => name in files || ts.sys.fileExists(name)
    const getSource = host.getSourceFile.bind(host)
    host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name]!, version) : getSource(name, version))
    const program = ts.createProgram(['/api.d.ts', '/server.ts'], { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] }, host)
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(messages).toEqual([expect.stringContaining("Argument of type 'number' is not assignable to parameter of type 'string | object'")])
  })
})
