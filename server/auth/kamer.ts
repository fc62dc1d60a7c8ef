import { CodedError } from '../../dialogs/contract/errors'
import { normalizeKamerName, secretProblem } from '../../dialogs/contract/kamer'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { hashToken, newToken } from '../ids'
import { newJoinCode } from './join-codes'
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords'
import type { BegeleiderPrincipal, KamerPrincipal } from './principal'

/** Invites follow the join-code rules (SEC-03): 40 bits, single use, ten minutes. */
export const KAMER_INVITE_TTL_MS = 10 * 60_000
/** A kamer on a phone locks after five quiet minutes: the phone may be put down anywhere. */
export const KAMER_IDLE_MS = 5 * 60_000
/** One visit at most; after that the PIN is asked again even when active. */
export const KAMER_ABSOLUTE_MS = 2 * 60 * 60_000
/** Wrong PINs in a row before the kamer locks, and for how long. */
export const KAMER_MAX_FAILS = 5
export const KAMER_LOCK_MS = 15 * 60_000

export const KAMER_BANDS: readonly string[] = ['12-15', '16-18']
const nameKey = (name: string) => hashToken(`kamer:${normalizeKamerName(name)}`)

/** A new invite for one jongere of the begeleider's team; older unused invites stop working. */
export async function createKamerInvite(
  deps: Deps,
  p: BegeleiderPrincipal,
  child: { id: string; age_band: string },
): Promise<{ code: string; expiresAt: string }> {
  if (!KAMER_BANDS.includes(child.age_band)) throw new CodedError('not_allowed_now', 400)
  const code = newJoinCode()
  const expiresAt = iso(deps.clock, KAMER_INVITE_TTL_MS)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kamer_invites')
      .set({ used_at: iso(deps.clock) })
      .where('child_id', '=', child.id)
      .where('used_at', 'is', null)
      .execute()
    await trx
      .insertInto('kamer_invites')
      .values({
        code_hash: hashToken(`kamer-invite:${code}`),
        child_id: child.id,
        begeleider_id: p.begeleiderId,
        expires_at: expiresAt,
        used_at: null,
        created_at: iso(deps.clock),
      })
      .execute()
  })
  return { code, expiresAt }
}

async function validInvite(db: Deps['db'], deps: Deps, code: string) {
  const row = await db
    .selectFrom('kamer_invites')
    .innerJoin('children', 'children.id', 'kamer_invites.child_id')
    .select([
      'kamer_invites.code_hash',
      'kamer_invites.expires_at',
      'kamer_invites.used_at',
      'children.id as child_id',
      'children.age_band',
      'children.key_wrapped',
    ])
    .where('kamer_invites.code_hash', '=', hashToken(`kamer-invite:${code}`))
    .executeTakeFirst()
  if (!row || !row.key_wrapped || !KAMER_BANDS.includes(row.age_band)) throw new CodedError('code_invalid', 400)
  if (row.used_at) throw new CodedError('code_used', 400)
  if (Date.parse(row.expires_at) <= deps.clock.now()) throw new CodedError('code_expired', 400)
  return row
}

/** Answers whether an invite would still work, without using it (the jongere then picks a name and PIN). */
export async function checkKamerInvite(deps: Deps, code: string): Promise<void> {
  await validInvite(deps.db, deps, code)
}

export type KamerTokenIssued = { token: string; childId: string; revoked: string[] }

async function issueToken(trx: Deps['db'], deps: Deps, childId: string): Promise<string> {
  const token = newToken()
  await trx
    .insertInto('kamer_tokens')
    .values({
      token_hash: hashToken(token),
      child_id: childId,
      created_at: iso(deps.clock),
      expires_at: iso(deps.clock, KAMER_ABSOLUTE_MS),
      last_seen_at: iso(deps.clock),
      revoked_at: null,
    })
    .execute()
  return token
}

/**
 * Uses an invite: the jongere's chosen name and PIN replace any earlier ones (a forgotten PIN is
 * solved this way), every open kamer token of that child is revoked, and a fresh token is issued.
 * The kamer's work stays: it lives in the child's gesprekken, not in this row.
 */
export async function setupKamer(deps: Deps, code: string, name: string, secret: string): Promise<KamerTokenIssued> {
  if (secretProblem(secret)) throw new CodedError('secret_too_weak', 400)
  // Hash outside the transaction: scrypt takes tens of milliseconds and must not hold the writer.
  const secretHash = await hashPassword(secret)
  const key = nameKey(name)
  return deps.db.transaction().execute(async (trx) => {
    const invite = await validInvite(trx, deps, code)
    const taken = await trx.selectFrom('kamers').select('child_id').where('name_key', '=', key).executeTakeFirst()
    if (taken && taken.child_id !== invite.child_id) throw new CodedError('kamer_name_taken', 409)
    const used = await trx
      .updateTable('kamer_invites')
      .set({ used_at: iso(deps.clock) })
      .where('code_hash', '=', invite.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw new CodedError('code_used', 400)
    const now = iso(deps.clock)
    await trx
      .insertInto('kamers')
      .values({
        child_id: invite.child_id,
        name_key: key,
        secret_hash: secretHash,
        failed_count: 0,
        locked_until: null,
        opened_at: now,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('child_id').doUpdateSet({
          name_key: key,
          secret_hash: secretHash,
          failed_count: 0,
          locked_until: null,
          opened_at: now,
          updated_at: now,
        }),
      )
      .execute()
    const revoked = await revokeChildTokens(trx, deps, invite.child_id)
    const token = await issueToken(trx, deps, invite.child_id)
    return { token, childId: invite.child_id, revoked }
  })
}

async function revokeChildTokens(trx: Deps['db'], deps: Deps, childId: string): Promise<string[]> {
  const open = await trx
    .selectFrom('kamer_tokens')
    .select('token_hash')
    .where('child_id', '=', childId)
    .where('revoked_at', 'is', null)
    .execute()
  await trx
    .updateTable('kamer_tokens')
    .set({ revoked_at: iso(deps.clock) })
    .where('child_id', '=', childId)
    .where('revoked_at', 'is', null)
    .execute()
  return open.map((r) => r.token_hash)
}

/**
 * Name + PIN → a kamer token. Wrong PINs count per kamer in the database (a restart does not reset
 * them); after KAMER_MAX_FAILS the kamer locks for KAMER_LOCK_MS. Unknown names cost the same scrypt
 * time as known ones. The per-IP and per-name limits in memory sit in front of this (routes/kamer.ts).
 */
export async function openKamer(
  deps: Deps,
  name: string,
  secret: string,
  phantom: PhantomLockout,
): Promise<KamerTokenIssued> {
  const key = nameKey(name)
  if (await phantom.locked(key)) throw new CodedError('kamer_locked', 429)
  const row = await deps.db
    .selectFrom('kamers')
    .innerJoin('children', 'children.id', 'kamers.child_id')
    .select([
      'kamers.child_id',
      'kamers.secret_hash',
      'kamers.failed_count',
      'kamers.locked_until',
      'children.key_wrapped',
      'children.age_band',
    ])
    .where('kamers.name_key', '=', key)
    .executeTakeFirst()
  if (row?.locked_until && Date.parse(row.locked_until) > deps.clock.now()) throw new CodedError('kamer_locked', 429)
  const ok = await verifyPassword(secret, row?.secret_hash ?? (await DUMMY_HASH_PROMISE))
  const usable = row && row.secret_hash && row.key_wrapped && KAMER_BANDS.includes(row.age_band)
  if (!row || !ok || !usable) {
    if (row) {
      const fails = row.failed_count + 1
      const lock = fails >= KAMER_MAX_FAILS
      await deps.db
        .updateTable('kamers')
        .set({
          failed_count: lock ? 0 : fails,
          locked_until: lock ? iso(deps.clock, KAMER_LOCK_MS) : row.locked_until,
          updated_at: iso(deps.clock),
        })
        .where('child_id', '=', row.child_id)
        .execute()
      if (lock) throw new CodedError('kamer_locked', 429)
    } else if (await phantom.fail(key)) throw new CodedError('kamer_locked', 429)
    throw new CodedError('wrong_credentials', 401)
  }
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kamers')
      .set({ failed_count: 0, locked_until: null, opened_at: iso(deps.clock), updated_at: iso(deps.clock) })
      .where('child_id', '=', row.child_id)
      .execute()
    // One kamer, one open visit: opening it on another device closes the earlier one.
    const revoked = await revokeChildTokens(trx, deps, row.child_id)
    const token = await issueToken(trx, deps, row.child_id)
    return { token, childId: row.child_id, revoked }
  })
}

/**
 * Wrong tries on names that do not exist lock the same way as real kamers, in the limit store:
 * otherwise "locked" after five tries would tell a guesser that a name is real.
 */
export class PhantomLockout {
  constructor(private readonly deps: Deps) {}
  async locked(key: string): Promise<boolean> {
    return (await this.deps.limits.count('kamer-phantom-lock', key)) > 0
  }
  /** Counts a wrong try; true when this one locks the name. */
  async fail(key: string): Promise<boolean> {
    const { limits } = this.deps
    // Like failed_count in the database: wrong tries in a row, back to zero when a lock starts.
    if (!(await limits.over('kamer-phantom-fail', key, KAMER_MAX_FAILS - 1, KAMER_LOCK_MS))) return false
    await limits.reset('kamer-phantom-fail', key)
    await limits.over('kamer-phantom-lock', key, 0, KAMER_LOCK_MS)
    return true
  }
}

/** The principal behind a kamer token, or null when it is unknown, revoked, too old or idle. */
export async function kamerPrincipal(deps: Deps, token: string | undefined): Promise<KamerPrincipal | null> {
  if (!token || token.length > 100) return null
  return kamerPrincipalByHash(deps, hashToken(token))
}

export async function kamerPrincipalByHash(deps: Deps, tokenHash: string): Promise<KamerPrincipal | null> {
  const row = await deps.db
    .selectFrom('kamer_tokens')
    .innerJoin('children', 'children.id', 'kamer_tokens.child_id')
    .select([
      'kamer_tokens.child_id',
      'kamer_tokens.expires_at',
      'kamer_tokens.last_seen_at',
      'kamer_tokens.revoked_at',
      'children.key_wrapped',
    ])
    .where('kamer_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.revoked_at || !row.key_wrapped) return null
  const now = deps.clock.now()
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + KAMER_IDLE_MS <= now) {
    await lockKamerToken(deps, tokenHash)
    return null
  }
  return { role: 'kind', childId: row.child_id, kamer: true, tokenHash }
}

/** Activity: re-checks the token (idle, revoked) and moves its idle deadline. False when it is locked. */
export async function touchKamer(deps: Deps, p: KamerPrincipal): Promise<boolean> {
  if (!(await kamerPrincipalByHash(deps, p.tokenHash))) return false
  await deps.db
    .updateTable('kamer_tokens')
    .set({ last_seen_at: iso(deps.clock) })
    .where('token_hash', '=', p.tokenHash)
    .execute()
  return true
}

/** Lock (quick exit, the lock button, idle): the token never works again. */
export async function lockKamerToken(deps: Deps, tokenHash: string): Promise<void> {
  await deps.db
    .updateTable('kamer_tokens')
    .set({ revoked_at: iso(deps.clock) })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}
