import { sql } from 'kysely'
import { Hono } from 'hono'
import { NewChildBody, type ChildSummary, type GesprekSummary } from '../../../dialogs/contract/http'
import type { AgeBand } from '../../../dialogs/contract/ids'
import { childForBegeleider } from '../../auth/access'
import type { Deps } from '../../deps'
import { createChild } from '../../workspace/caseload'
import { body, requireBegeleider, type Env } from '../context'

export const childSummary = (row: {
  id: string
  nickname: string
  age_band: string
  created_at: string
}): ChildSummary => ({
  id: row.id,
  nickname: row.nickname,
  ageBand: row.age_band as AgeBand,
  createdAt: row.created_at,
})

export const gesprekSummary = (row: {
  id: string
  child_id: string
  tool_id: string
  created_at: string
  seq: number
  phase: string
  setting: string
}): GesprekSummary => ({
  id: row.id,
  childId: row.child_id,
  toolId: row.tool_id,
  createdAt: row.created_at,
  // A kamer gesprek's seq and phase would tell a begeleider when the jongere worked in private.
  seq: row.setting === 'kamer' ? 0 : row.seq,
  phase: row.setting === 'kamer' ? 'kamer' : row.phase,
  setting: row.setting === 'kamer' ? 'kamer' : 'begeleid',
})

export function childrenRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/', async (c) => {
      const p = await requireBegeleider(c)
      const rows = await deps.db
        .selectFrom('children')
        .select(['id', 'nickname', 'age_band', 'created_at'])
        .where('organisation_id', '=', p.organisationId)
        .where('team_id', '=', p.teamId)
        .where('key_wrapped', 'is not', null)
        .orderBy('nickname')
        .execute()
      return c.json(rows.map(childSummary))
    })
    .post('/', async (c) => {
      const p = await requireBegeleider(c)
      const input = await body(c, NewChildBody)
      const id = await createChild(deps, p, input)
      const row = await childForBegeleider(deps, p, id)
      return c.json(childSummary(row), 201)
    })
    .get('/:id', async (c) => {
      const p = await requireBegeleider(c)
      return c.json(childSummary(await childForBegeleider(deps, p, c.req.param('id'))))
    })
    .get('/:id/gesprekken', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const rows = await deps.db
        .selectFrom('gesprekken')
        .select(['id', 'child_id', 'tool_id', 'created_at', 'phase', 'setting'])
        // The begeleider's seq, not the gesprek's: it counts only changes they could see (ADR 0050).
        .select((eb) =>
          eb
            .selectFrom('gesprek_events')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('gesprek_events.gesprek_id', '=', 'gesprekken.id')
            .where((w) => w.or([w('shown', 'is', null), w('shown', '<>', 0)]))
            .as('seq'),
        )
        .where('child_id', '=', child.id)
        .orderBy('created_at', 'desc')
        .execute()
      return c.json(rows.map((r) => gesprekSummary({ ...r, seq: Number(r.seq ?? 0) })))
    })
}
