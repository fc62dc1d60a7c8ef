import { sql } from 'kysely'
import type { ChildSummary, GesprekSummary } from '../../dialogs/contract/http'
import type { AgeBand } from '../../dialogs/contract/ids'
import type { Deps } from '../deps'

export const childSummary = (row: {
  id: string
  nickname: string
  age_band: AgeBand
  created_at: string
}): ChildSummary => ({
  id: row.id,
  nickname: row.nickname,
  ageBand: row.age_band,
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

/** Every gesprek of one (already authorised) child, newest first, for the child page's list. */
export async function childGesprekken(deps: Deps, childId: string): Promise<GesprekSummary[]> {
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
    .where('child_id', '=', childId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => gesprekSummary({ ...r, seq: Number(r.seq ?? 0) }))
}
