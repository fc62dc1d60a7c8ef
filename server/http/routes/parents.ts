import { Hono } from 'hono'
import { ParentsBody } from '../../../dialogs/contract/parents'
import type { Deps } from '../../deps'
import { loadParents, presentParent, saveParents } from '../../workspace/parents'
import { requireChildScreen } from '../bearer'
import { childScope } from '../child-scope'
import { body, type Env } from '../context'

/**
 * Each parent apart: which parent the oudergesprek is with, the record of the parent who did not come
 * along, and the begeleider's network safety flags. Nothing here ever reaches either parent.
 */
export function parentRoutes(deps: Deps) {
  const scoped = childScope()
  return (
    new Hono<Env>()
      .get('/children/:id', scoped, async (c) => c.json(await loadParents(deps, c.var.child)))
      .put('/children/:id', scoped, async (c) => {
        await saveParents(deps, c.var.child, c.var.begeleider.begeleiderId, await body(c, ParentsBody))
        return c.json({ ok: true })
      })
      // The child's own device or kamer: only the role word, so the choices can say "aan mama".
      .get('/mine', async (c) => {
        const { childId } = await requireChildScreen(c)
        return c.json({ present: await presentParent(deps, childId) })
      })
  )
}
