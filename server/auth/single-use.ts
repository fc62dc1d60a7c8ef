import { randomInt } from 'node:crypto'
import { CodedError } from '../../dialogs/contract/errors'
import { iso } from '../clock'
import type { Deps } from '../deps'

/**
 * Single-use codes: the join code that brings a child's screen into a gesprek and the kamer invite that
 * lets a jongere make their kamer. Both are 8 symbols of Crockford base32 without look-alikes (40 bits
 * from the CSPRNG), stored only as a keyed hash, good for ten minutes, used once; a new code for the same
 * gesprek or child ends the unused earlier ones. Wrong tries are limited per address (docs/security.md).
 */
type CodeTable = 'join_codes' | 'kamer_invites'
type Trx = Deps['db']
type Purpose = Parameters<Deps['index']['mac']>[0]

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CODE_TTL_MS = 10 * 60_000

function newCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** As the begeleider reads it out: `ABCD-EFGH`. */
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`

/** What every code row holds besides what it is for. */
type CodeColumns = { code_hash: string; expires_at: string; used_at: null; created_at: string }

/**
 * A new code for one gesprek (`gesprek_id`) or one child (`child_id`): in one transaction the unused
 * earlier codes of that scope stop working and `insert` writes the new row.
 */
export async function mintCode(
  deps: Deps,
  spec: { table: CodeTable; purpose: Purpose; scope: ['gesprek_id' | 'child_id', string] },
  insert: (trx: Trx, row: CodeColumns) => Promise<unknown>,
): Promise<{ code: string; expiresAt: string }> {
  const code = newCode()
  const expiresAt = iso(deps.clock, CODE_TTL_MS)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable(spec.table)
      .set({ used_at: iso(deps.clock) })
      .where(spec.scope[0], '=', spec.scope[1])
      .where('used_at', 'is', null)
      .execute()
    await insert(trx, {
      code_hash: codeHash(deps, spec.purpose, code),
      expires_at: expiresAt,
      used_at: null,
      created_at: iso(deps.clock),
    })
  })
  return { code, expiresAt }
}

export const codeHash = (deps: Deps, purpose: Purpose, code: string) => deps.index.mac(purpose, code)

/** A code that was found, not used and not expired; anything else is its own stable error code. */
export function assertUsable<T extends { used_at: string | null; expires_at: string }>(
  deps: Deps,
  row: T | undefined,
): asserts row is T {
  if (!row) throw new CodedError('code_invalid', 400)
  if (row.used_at) throw new CodedError('code_used', 400)
  if (Date.parse(row.expires_at) <= deps.clock.now()) throw new CodedError('code_expired', 400)
}

/** Marks the code used, once: of two screens that redeem one code at the same moment, one gets `code_used`. */
export async function useOnce(trx: Trx, deps: Deps, table: CodeTable, hash: string): Promise<void> {
  const used = await trx
    .updateTable(table)
    .set({ used_at: iso(deps.clock) })
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(used.numUpdatedRows) !== 1) throw new CodedError('code_used', 400)
}
