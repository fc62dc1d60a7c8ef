import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { recordAccess } from '../../audit/access-log'
import type { BegeleiderPrincipal } from '../../auth/principal'
import { iso } from '../../clock'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { eraseChild, exportChild } from '../../privacy/child-data'
import { requireAdmin, type Ctx, type Env } from '../context'

/**
 * The AVG rights of one child, for an admin of that child's own organisation (any team in it):
 * inzage (export), closing the trajectory (starts retention) and erasure. Same 404 for "no such child" and "another organisation's child".
 */
export function beheerDataRoutes(deps: Deps, host: GesprekHost) {
  const ownChild = async (c: Ctx): Promise<{ p: BegeleiderPrincipal; childId: string }> => {
    const p = await requireAdmin(c)
    const childId = c.req.param('id') ?? ''
    const row = await deps.db
      .selectFrom('children')
      .select(['id', 'key_wrapped'])
      .where('id', '=', childId)
      .where('organisation_id', '=', p.organisationId)
      .executeTakeFirst()
    if (!row?.key_wrapped) throw new CodedError('not_found', 404)
    return { p, childId }
  }

  return (
    new Hono<Env>()
      .get('/children/:id/export', async (c) => {
        const { p, childId } = await ownChild(c)
        const data = await exportChild(deps, host, childId)
        // Logged before the data leaves (SEC-08): no log line, no export.
        await recordAccess(deps, { begeleiderId: p.begeleiderId, childId, what: 'export' })
        c.header('Content-Disposition', `attachment; filename="inzage-${childId}.json"`)
        return c.json(data)
      })
      // Closing the trajectory starts the retention clock (SEC-10); the child leaves every caseload.
      .post('/children/:id/close', async (c) => {
        const { p, childId } = await ownChild(c)
        await deps.db
          .updateTable('children')
          .set({ closed_at: iso(deps.clock) })
          .where('id', '=', childId)
          .where('closed_at', 'is', null)
          .execute()
        deps.log.info('trajectory closed', { child: childId, by: p.begeleiderId })
        return c.json({ ok: true })
      })
      .post('/children/:id/erase', async (c) => {
        const { p, childId } = await ownChild(c)
        // eraseChild ends the child's open sockets itself (revocation channel), also from the CLI.
        await eraseChild(deps, host, childId)
        deps.log.info('erasure requested', { child: childId, by: p.begeleiderId })
        return c.json({ ok: true })
      })
  )
}
