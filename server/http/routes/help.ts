import { Hono } from 'hono'
import { DEFAULT_HELP_LINES } from '../../../dialogs/contract/help-lines'
import type { Deps } from '../../deps'
import type { Env } from '../context'

/**
 * The organisation's ways to help now: public (a locked kamer shows them too) and holding no child
 * data. The client starts from its bundled defaults and swaps in these when they arrive.
 */
export function helpRoutes(deps: Deps) {
  return new Hono<Env>().get('/', (c) => c.json(deps.config.helpLines ?? DEFAULT_HELP_LINES))
}
