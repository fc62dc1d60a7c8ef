import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { ParentsBody } from '../../../dialogs/contract/parents'
import { childForBegeleider } from '../../auth/access'
import { kamerPrincipal, touchKamer } from '../../auth/kamer'
import type { Deps } from '../../deps'
import { loadParents, presentParent, saveParents } from '../../workspace/parents'
import { body, requireBegeleider, requireKind, type Ctx, type Env } from '../context'

const bearer = (c: Ctx) => {
  const header = c.req.header('authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : undefined
}

/**
 * Each parent apart: which parent the oudergesprek is with, the record of the parent who did not come
 * along, and the begeleider's network safety flags. Nothing here ever reaches either parent.
 */
export function parentRoutes(deps: Deps) {
  return (
    new Hono<Env>()
      .get('/children/:id', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('id'))
        return c.json(await loadParents(deps, child))
      })
      .put('/children/:id', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('id'))
        await saveParents(deps, child, p.begeleiderId, await body(c, ParentsBody))
        return c.json({ ok: true })
      })
      // The child's own device or kamer: only the role word, so the choices can say "aan mama".
      .get('/mine', async (c) => {
        const k = await kamerPrincipal(deps, bearer(c))
        if (k) {
          if (!(await touchKamer(deps, k))) throw new CodedError('session_expired', 401)
          return c.json({ present: await presentParent(deps, k.childId) })
        }
        const kind = await requireKind(c)
        return c.json({ present: await presentParent(deps, kind.childId) })
      })
  )
}
