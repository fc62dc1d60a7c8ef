import { CodedError } from '../../dialogs/contract/errors'
import type { Ctx } from './context'

/** `?since=`: a day (as the ISO start of it), `auto` (since the last oudergesprek), or absent (every gesprek). */
export const sinceQuery = (c: Pick<Ctx, 'req'>): string | undefined => {
  const raw = c.req.query('since')
  if (raw === undefined || raw === '') return undefined
  if (raw === 'auto') return 'auto'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new CodedError('invalid_payload', 400)
  return `${raw}T00:00:00.000Z`
}
