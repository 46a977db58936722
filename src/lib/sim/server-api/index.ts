// `wirelab/server`: what a lesson's server.ts imports.
export { defineServer } from './define.ts'
export type {
  ClockApi,
  Counter,
  EventStream,
  Headers,
  LessonRequest,
  LessonResponse,
  LessonSocket,
  RouteHandler,
  ServerApi,
  ServerDefinition,
  SocketHandlers,
  SseEventInit,
  WorldApi,
} from './types.ts'
