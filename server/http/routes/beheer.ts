import { Hono } from 'hono'
import { MoveChildBody, NewBegeleiderBody, NewTeamBody, PasswordBody } from '../../../dialogs/contract/workspace'
import type { Deps } from '../../deps'
import {
  addBegeleider,
  addTeam,
  endSessionsOf,
  moveChild,
  overview,
  resetPassword,
  setActive,
  type Scope,
} from '../../workspace/beheer'
import { body, requireAdmin, type Ctx, type Env } from '../context'

/** /begeleider/beheer: an admin manages their own organisation only (never another's). */
export function beheerRoutes(deps: Deps) {
  const scope = async (c: Ctx): Promise<Scope> => {
    const p = await requireAdmin(c)
    return { organisationId: p.organisationId, actorId: p.begeleiderId }
  }
  return new Hono<Env>()
    .get('/', async (c) => c.json(await overview(deps, await scope(c))))
    .post('/teams', async (c) => {
      const s = await scope(c)
      const { name } = await body(c, NewTeamBody)
      return c.json({ id: await addTeam(deps, s, name) }, 201)
    })
    .post('/begeleiders', async (c) => {
      const s = await scope(c)
      return c.json({ id: await addBegeleider(deps, s, await body(c, NewBegeleiderBody)) }, 201)
    })
    .post('/begeleiders/:id/deactivate', async (c) => {
      const s = await scope(c)
      const id = c.req.param('id')
      // setActive also ends the open sockets (through the revocation channel), as from the CLI.
      await setActive(deps, s, id, false)
      return c.json({ ok: true })
    })
    .post('/begeleiders/:id/activate', async (c) => {
      await setActive(deps, await scope(c), c.req.param('id'), true)
      return c.json({ ok: true })
    })
    .post('/begeleiders/:id/password', async (c) => {
      const s = await scope(c)
      const id = c.req.param('id')
      const { password } = await body(c, PasswordBody)
      await resetPassword(deps, s, id, password)
      return c.json({ ok: true })
    })
    .post('/begeleiders/:id/end-sessions', async (c) => {
      const s = await scope(c)
      const id = c.req.param('id')
      await endSessionsOf(deps, s, id)
      return c.json({ ok: true })
    })
    .post('/children/:id/move', async (c) => {
      const s = await scope(c)
      await moveChild(deps, s, c.req.param('id'), await body(c, MoveChildBody))
      return c.json({ ok: true })
    })
}
