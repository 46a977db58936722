// Questions in a lesson's front matter, and the numbered claims of the course that lessons, checks and
// questions refer to (lessons/_claims.yml). Part of the one lesson schema (schema.ts).
import { z } from 'zod'

/** a claim of the course: its number in lessons/_claims.yml */
const claimNumber = z.number().int().min(1).describe('A claim number from lessons/_claims.yml.')

export const claimList = (what: string) =>
  z
    .array(claimNumber)
    .default([])
    .superRefine((list, ctx) => {
      list.forEach((n, i) => {
        if (list.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `claim ${n} is listed twice` })
      })
    })
    .describe(what)

export const questionOptionSchema = z
  .strictObject({
    text: z.string().min(1).max(300).describe('The answer as the learner reads it; `code` in backticks is shown as code.'),
    correct: z.boolean().describe('Whether this option is right.'),
    explanation: z.string().min(1).max(600).describe('Shown once the learner has chosen this option and pressed "Check answer": why it is right, or why not.'),
  })
  .describe('One answer to choose.')

export const questionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by dashes, e.g. "tool-for-chat"')
      .describe('Stable id, unique in the lesson, lower-case words joined by dashes (answers are kept by it).'),
    prompt: z.string().min(1).max(400).describe('The question; `code` in backticks is shown as code.'),
    choice: z
      .enum(['single', 'multiple'])
      .describe(
        'single: exactly one option is right (radio buttons); multiple: one or more are (checkboxes), and the answer is right when exactly the right ones are chosen.',
      ),
    options: z.array(questionOptionSchema).min(2).max(6).describe('The answers to choose from, 2 to 6, in the order shown.'),
    claims: claimList('The claims of lessons/_claims.yml a right answer proves the learner understood (docs/curriculum.md lists them).'),
  })
  .superRefine((question, ctx) => {
    const right = question.options.filter((o) => o.correct).length
    if (right === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'no option is right: mark the right answer with "correct: true"' })
    if (question.choice === 'single' && right > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['choice'],
        message: `${right} options are right, but choice is "single": make it "multiple", or keep one right option`,
      })
    const texts = question.options.map((o) => o.text)
    texts.forEach((text, i) => {
      if (texts.indexOf(text) !== i) ctx.addIssue({ code: 'custom', path: ['options', i, 'text'], message: `two options read "${text}"` })
    })
  })
  .describe('A question on the lesson, graded on the page.')

export type Question = z.infer<typeof questionSchema>

export const claimsSchema = z
  .strictObject({
    source: z.string().min(1).describe('Where the claims come from (the course material they were taken from).'),
    claims: z
      .record(
        z.string().regex(/^[1-9][0-9]*$/, 'a claim number: 1, 2, 3 …'),
        z.union([
          z.string().min(1).max(400).describe('The claim, taken from the file-level `source`.'),
          z
            .strictObject({
              text: z.string().min(1).max(400).describe('The claim.'),
              source: z
                .string()
                .min(1)
                .max(200)
                .describe('Where this claim comes from when it is not the course material: a spec and its section (e.g. "RFC 6455 §5.5.2").'),
            })
            .describe('A claim with its own source.'),
        ]),
      )
      .superRefine((claims, ctx) => {
        const numbers = Object.keys(claims).map(Number)
        const gap = numbers.findIndex((n, i) => n !== i + 1)
        if (gap >= 0)
          ctx.addIssue({ code: 'custom', path: [String(numbers[gap])], message: `claims are numbered 1, 2, 3 … in order: expected ${gap + 1} here` })
      })
      .describe('Each claim by its number (1, 2, 3 …, in order). Keep numbers stable: lessons, checks and questions refer to them; add new claims at the end.'),
  })
  .describe("lessons/_claims.yml: the course's teachable claims, numbered, for the curriculum map (docs/curriculum.md).")

export type Claims = z.infer<typeof claimsSchema>

/** a claim's text and, when it has its own, its source */
export function claimText(claim: Claims['claims'][string]): { text: string; source?: string } {
  return typeof claim === 'string' ? { text: claim } : claim
}

export const labSchema = z
  .strictObject({
    title: z.string().min(1).max(120).describe('The title of the lab page (#/lab).'),
    questions: z
      .array(questionSchema)
      .min(1)
      .superRefine((questions, ctx) => {
        const ids = questions.map((q) => q.id)
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `two questions have the id "${id}"` })
        })
      })
      .describe("Questions shown after the lab's numbers: each asks the learner to read a number the lab shows. Graded on the page like a lesson's."),
  })
  .describe("lessons/_lab.yml: the protocol comparison lab's questions (optional); docs/curriculum.md lists what they prove after the lessons.")

export type Lab = z.infer<typeof labSchema>
