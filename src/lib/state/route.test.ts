import { describe, expect, it } from 'vitest'
import { parseRoute, sharedHref, stepHref } from './route.ts'

describe('routes in the hash', () => {
  it('reads the home page, a lesson, a step and a share link', () => {
    expect(parseRoute('')).toEqual({ page: 'home' })
    expect(parseRoute('#/')).toEqual({ page: 'home' })
    expect(parseRoute('#/lab')).toEqual({ page: 'lab' })
    expect(parseRoute('#/lab/')).toEqual({ page: 'lab' })
    expect(parseRoute('#/labyrinth')).toEqual({ page: 'home' })
    expect(parseRoute('#/lesson/03-sse')).toEqual({ page: 'lesson', slug: '03-sse', step: null, shared: null })
    expect(parseRoute('#/lesson/03-sse/step/12')).toEqual({ page: 'lesson', slug: '03-sse', step: 12, shared: null })
    expect(parseRoute('#/lesson/03-sse/step/12/code/q1_w-E')).toEqual({ page: 'lesson', slug: '03-sse', step: 12, shared: 'q1_w-E' })
    expect(parseRoute('#/lesson/03-sse/code/abc')).toEqual({ page: 'lesson', slug: '03-sse', step: null, shared: 'abc' })
  })

  it('writes what it reads', () => {
    expect(parseRoute(sharedHref('03-sse', 7, 'abc'))).toEqual({ page: 'lesson', slug: '03-sse', step: 7, shared: 'abc' })
    expect(parseRoute(sharedHref('03-sse', null, 'abc'))).toEqual({ page: 'lesson', slug: '03-sse', step: null, shared: 'abc' })
    expect(parseRoute(stepHref('03-sse', 0))).toEqual({ page: 'lesson', slug: '03-sse', step: 0, shared: null })
  })

  it('hands a damaged share link on as it is (it is then shown as damaged), and ignores what follows a lesson', () => {
    expect(parseRoute('#/lesson/03-sse/code/a$b')).toEqual({ page: 'lesson', slug: '03-sse', step: null, shared: 'a$b' })
    expect(parseRoute('#/lesson/03-sse/other')).toEqual({ page: 'lesson', slug: '03-sse', step: null, shared: null })
    expect(parseRoute('#/lessons')).toEqual({ page: 'home' })
  })
})
