import { Hono } from 'hono'
import { TOOLS } from '../../../dialogs/registry'
import type { Env } from '../context'

/** The tool catalogue: public, contains no child data. */
export function toolRoutes() {
  return new Hono<Env>().get('/', (c) =>
    c.json(
      TOOLS.map((t) => ({
        id: t.id,
        version: t.version,
        ageBands: t.ageBands,
        operator: t.operator,
        settings: t.settings,
      })),
    ),
  )
}
