import { Hono } from 'hono'
import { recordAccess } from '../../audit/access-log'
import type { BegeleiderPrincipal } from '../../auth/principal'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { childOfOrganisation, closeTrajectory, eraseChild, exportChild } from '../../privacy/child-data'
import { requireAdmin, type Ctx, type Env } from '../context'

/**
 * The AVG rights of one child, for an admin of that child's own organisation (any team in it):
 * inzage (export), closing the trajectory (starts retention) and erasure. Same 404 for "no such child" and "another organisation's child".
 */
export function beheerDataRoutes(deps: Deps, host: GesprekHost) {
  const ownChild = async (c: Ctx): Promise<{ p: BegeleiderPrincipal; childId: string }> => {
    const p = await requireAdmin(c)
    const childId = c.req.param('id') ?? ''
    await childOfOrganisation(deps, p.organisationId, childId)
    return { p, childId }
  }

  return (
    new Hono<Env>()
      .get('/children/:id/export', async (c) => {
        const { p, childId } = await ownChild(c)
        const data = await exportChild(deps, host, childId)
        // Logged before the data leaves: no log line, no export (docs/avg.md).
        await recordAccess(deps, { begeleiderId: p.begeleiderId, childId, what: 'export' })
        c.header('Content-Disposition', `attachment; filename="inzage-${childId}.json"`)
        return c.json(data)
      })
      // Closing the trajectory starts the retention clock (docs/avg.md); the child leaves every caseload.
      .post('/children/:id/close', async (c) => {
        const { p, childId } = await ownChild(c)
        await closeTrajectory(deps, childId)
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
