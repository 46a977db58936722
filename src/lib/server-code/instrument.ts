// Puts a watchdog call, `__guard(line)`, at the top of every loop body and function body of server code
// the learner edits (loop-guard.ts says why). Only inserts text on the line where the body starts, so
// every line keeps its number and errors still point at the learner's lines.
import { parse, type Node } from 'acorn'

export const GUARD = '__wirelabGuard'

interface Edit {
  at: number
  text: string
}

type AnyNode = Node & { body?: unknown; loc?: { start: { line: number } } | null }

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement'])
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'])

/** `js` (a script: CommonJS from sucrase) with a guard call in every loop and function; throws a SyntaxError as acorn does */
export function instrument(js: string): string {
  const ast: AnyNode = parse(js, { ecmaVersion: 'latest', sourceType: 'script', locations: true })
  const edits: Edit[] = []
  const call = (line: number) => `${GUARD}(${line});`
  visit(ast, (node) => {
    const line = node.loc?.start.line ?? 1
    const body = node.body
    if (!isNode(body)) return
    if (LOOPS.has(node.type)) {
      if (body.type === 'BlockStatement') edits.push({ at: body.start + 1, text: call(line) })
      else {
        edits.push({ at: body.start, text: `{${call(line)}` })
        edits.push({ at: body.end, text: '}' })
      }
    } else if (FUNCTIONS.has(node.type)) {
      if (body.type === 'BlockStatement') edits.push({ at: body.start + 1, text: call(line) })
      else {
        // an arrow's expression body: `() => x` becomes `() => (guard(), x)`
        edits.push({ at: body.start, text: `(${GUARD}(${line}), ` })
        edits.push({ at: body.end, text: ')' })
      }
    }
  })
  // from the end, so earlier offsets stay true; at one offset, the later edit's text goes first
  edits.sort((a, b) => b.at - a.at)
  let out = js
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at)
  return out
}

function visit(node: AnyNode, fn: (node: AnyNode) => void): void {
  fn(node)
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, fn)
    } else if (isNode(value)) visit(value, fn)
  }
}

const isNode = (value: unknown): value is AnyNode => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
