// The page's route, following the address's hash (route.ts parses it).
import { parseRoute, type Route } from './route.ts'

export { LAB_HREF, lessonHref, parseRoute, sharedHref, stepHref, type Route } from './route.ts'

export class Router {
  route = $state<Route>(parseRoute(location.hash))

  constructor() {
    addEventListener('hashchange', () => (this.route = parseRoute(location.hash)))
  }
}
