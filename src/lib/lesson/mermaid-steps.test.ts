import { describe, expect, it } from 'vitest'
import { describeStep, firstSteps, isSequenceDiagram, sequenceSteps } from './mermaid-steps.ts'

const diagram = `sequenceDiagram
    participant Client
    participant Server
    Client->>Server: GET /api/stream
    Server-->>Client: 200 OK
    Note over Client,Server: The response stays open
    Server-->>Client: id: 1`

describe('stepping through a sequence diagram in lesson text', () => {
  it('finds the messages and notes', () => {
    expect(isSequenceDiagram(diagram)).toBe(true)
    expect(isSequenceDiagram('flowchart LR\n A-->B')).toBe(false)
    expect(sequenceSteps(diagram)).toEqual([
      'Client->>Server: GET /api/stream',
      'Server-->>Client: 200 OK',
      'Note over Client,Server: The response stays open',
      'Server-->>Client: id: 1',
    ])
  })

  it('keeps the participants and the first n steps', () => {
    expect(firstSteps(diagram, 2)).toBe(`sequenceDiagram
    participant Client
    participant Server
    Client->>Server: GET /api/stream
    Server-->>Client: 200 OK`)
    expect(firstSteps(diagram, 0).split('\n')).toHaveLength(3)
  })

  it('describes a step for the caption', () => {
    expect(describeStep('Server-->>Client: 200 OK')).toBe('Server → Client: 200 OK')
    expect(describeStep('Note over Client,Server: open')).toBe('Note over Client,Server: open')
  })
})
