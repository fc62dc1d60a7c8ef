import { createHmac, randomBytes } from 'node:crypto'
import { CodedError } from '../../dialogs/contract/errors'
import { normalizeKamerName, secretProblem } from '../../dialogs/contract/kamer'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'
import { hashToken, newId, newToken } from '../ids'
import { accountTryFailed, accountTrySucceeded, addressHasFailed, admitAccountTry, KAMER_RULE } from './limits'
import { DUMMY_HASH_PROMISE, gatedScrypt, verifyPassword, type Priority } from './passwords'
import type { BegeleiderPrincipal, KamerPrincipal } from './principal'
import { assertUsable, codeHash, CODE_TTL_MS, mintCode, useOnce } from './single-use'

/** Invites follow the join-code rules (server/auth/single-use.ts): 40 bits, single use, ten minutes. */
export const KAMER_INVITE_TTL_MS = CODE_TTL_MS
/** A kamer on a phone locks after five quiet minutes: the phone may be put down anywhere. */
export const KAMER_IDLE_MS = 5 * 60_000
/** One visit at most; after that the PIN is asked again even when active. */
export const KAMER_ABSOLUTE_MS = 2 * 60 * 60_000
/** How long an address waits after too many wrong PINs on one name (server/auth/limits.ts: KAMER_RULE). */
export const KAMER_LOCK_MS = KAMER_RULE.windowMs
/** Kamers with one name tried at an open: names are not unique (setup must not tell which exist). */
const MAX_SAME_NAME = 8

export const KAMER_BANDS: readonly string[] = ['12-15', '16-18']
const nameKey = (deps: Deps, name: string) => deps.index.mac('kamer-name', normalizeKamerName(name))
/** The index of kamers set up before migration 20: unsalted, upgraded at their next open. */
const legacyNameKey = (name: string) => hashToken(`kamer:${normalizeKamerName(name)}`)

// The PIN's key: scrypt of the peppered PIN. ~32 MiB and tens of ms per try, through the scrypt ceiling.
const PIN_KDF = { N: 32768, r: 8, p: 1 }
const newPinKdf = () => `scrypt$${PIN_KDF.N}$${PIN_KDF.r}$${PIN_KDF.p}$${randomBytes(16).toString('base64')}`
const kamerKeyAad = (kamerId: string) => `kamer-key:${kamerId}`

async function pinKey(deps: Deps, pin: string, kdf: string, priority: Priority): Promise<Buffer> {
  const [alg, n, r, p, salt] = kdf.split('$')
  if (alg !== 'scrypt' || !salt) throw new Error('unknown kamer pin kdf')
  return gatedScrypt(
    deps.index.pepperedPin(pin),
    Buffer.from(salt, 'base64'),
    32,
    { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
    priority,
  )
}

/** A fresh kamer data key, sealed under the PIN: `key_sealed` opens only with the PIN. */
async function sealUnderPin(deps: Deps, kamerId: string, pin: string) {
  const dataKey = randomBytes(32)
  const pinKdf = newPinKdf()
  const keySealed = seal(await pinKey(deps, pin, pinKdf, 'high'), dataKey.toString('base64'), kamerKeyAad(kamerId))
  return { dataKey, pinKdf, keySealed }
}

/** The kamer's data key if `pin` is its PIN, else null (the seal's tag is the check). */
async function openWithPin(
  deps: Deps,
  row: { id: string; pin_kdf: string; key_sealed: string },
  pin: string,
  priority: Priority,
): Promise<Buffer | null> {
  const key = await pinKey(deps, pin, row.pin_kdf, priority)
  try {
    return Buffer.from(open(key, row.key_sealed, kamerKeyAad(row.id)), 'base64')
  } catch {
    return null
  }
}

// A kamer token carries the kamer's data key, sealed under a key only the token's holder can derive.
const tokenKey = (token: string) => createHmac('sha256', token).update('kamer-token-key').digest()
const tokenAad = (tokenHash: string) => `kamer-token:${tokenHash}`

/** A new invite for one jongere of the begeleider's team; older unused invites stop working. */
export async function createKamerInvite(
  deps: Deps,
  p: BegeleiderPrincipal,
  child: { id: string; age_band: string },
): Promise<{ code: string; expiresAt: string }> {
  if (!KAMER_BANDS.includes(child.age_band)) throw new CodedError('not_allowed_now', 400)
  return mintCode(
    deps,
    { table: 'kamer_invites', purpose: 'kamer-invite', scope: ['child_id', child.id] },
    (trx, row) =>
      trx
        .insertInto('kamer_invites')
        .values({ ...row, child_id: child.id, begeleider_id: p.begeleiderId })
        .execute(),
  )
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
    .where('kamer_invites.code_hash', '=', codeHash(deps, 'kamer-invite', code))
    .executeTakeFirst()
  if (row && (!row.key_wrapped || !KAMER_BANDS.includes(row.age_band))) throw new CodedError('code_invalid', 400)
  assertUsable(deps, row)
  return row
}

/** Answers whether an invite would still work, without using it (the jongere then picks a name and PIN). */
export async function checkKamerInvite(deps: Deps, code: string): Promise<void> {
  await validInvite(deps.db, deps, code)
}

export type KamerTokenIssued = { token: string; childId: string; kamerId: string; revoked: string[] }

async function issueToken(trx: Deps['db'], deps: Deps, childId: string, kamerId: string, dataKey: Buffer) {
  const token = newToken()
  const tokenHash = hashToken(token)
  await trx
    .insertInto('kamer_tokens')
    .values({
      token_hash: tokenHash,
      child_id: childId,
      kamer_id: kamerId,
      key_sealed: seal(tokenKey(token), dataKey.toString('base64'), tokenAad(tokenHash)),
      created_at: iso(deps.clock),
      expires_at: iso(deps.clock, KAMER_ABSOLUTE_MS),
      last_seen_at: iso(deps.clock),
      revoked_at: null,
    })
    .execute()
  return { token, tokenHash }
}

/** After the transaction: earlier visits' keys leave memory, the new visit's key is held. */
function opened(deps: Deps, issued: KamerTokenIssued & { tokenHash: string }, dataKey: Buffer): KamerTokenIssued {
  for (const h of issued.revoked) deps.kamerKeys.forgetToken(h)
  deps.kamerKeys.remember(issued.kamerId, issued.childId, issued.tokenHash, dataKey)
  return { token: issued.token, childId: issued.childId, kamerId: issued.kamerId, revoked: issued.revoked }
}

/**
 * Uses an invite: a new, empty kamer with the jongere's chosen name and PIN; every open kamer token of
 * that child is revoked and a fresh token issued. An earlier kamer of the child is not touched: its
 * notes stay sealed under its own PIN, and its old name and PIN still open it (docs/kamer.md). Whether a
 * name is in use is never said: names need not be unique.
 */
export async function setupKamer(deps: Deps, code: string, name: string, secret: string): Promise<KamerTokenIssued> {
  if (secretProblem(secret)) throw new CodedError('secret_too_weak', 400)
  // Before any work: a wrong code costs no scrypt.
  await validInvite(deps.db, deps, code)
  const kamerId = newId()
  // Outside the transaction: scrypt takes tens of milliseconds and must not hold the writer.
  const { dataKey, pinKdf, keySealed } = await sealUnderPin(deps, kamerId, secret)
  const issued = await deps.db.transaction().execute(async (trx) => {
    const invite = await validInvite(trx, deps, code)
    await useOnce(trx, deps, 'kamer_invites', invite.code_hash)
    const now = iso(deps.clock)
    await trx
      .insertInto('kamers')
      .values({
        id: kamerId,
        child_id: invite.child_id,
        name_key: nameKey(deps, name),
        pin_kdf: pinKdf,
        key_sealed: keySealed,
        legacy_name_key: null,
        legacy_secret_hash: null,
        opened_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const revoked = await revokeChildTokens(trx, deps, invite.child_id)
    const { token, tokenHash } = await issueToken(trx, deps, invite.child_id, kamerId, dataKey)
    return { token, tokenHash, childId: invite.child_id, kamerId, revoked }
  })
  return opened(deps, issued, dataKey)
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

/** A kamer from before migration 20 whose name and PIN are right: re-indexed and sealed under the PIN. */
async function upgradeLegacy(deps: Deps, name: string, secret: string, priority: Priority) {
  const row = await deps.db
    .selectFrom('kamers')
    .select(['id', 'legacy_secret_hash'])
    .where('legacy_name_key', '=', legacyNameKey(name))
    .executeTakeFirst()
  if (!row?.legacy_secret_hash) return null
  if (!(await verifyPassword(secret, row.legacy_secret_hash, priority))) return null
  const { dataKey, pinKdf, keySealed } = await sealUnderPin(deps, row.id, secret)
  await deps.db
    .updateTable('kamers')
    .set({
      name_key: nameKey(deps, name),
      pin_kdf: pinKdf,
      key_sealed: keySealed,
      legacy_name_key: null,
      legacy_secret_hash: null,
      updated_at: iso(deps.clock),
    })
    .where('id', '=', row.id)
    .execute()
  deps.log.info('kamer upgraded to a PIN-sealed key', { kamer: row.id })
  return { kamerId: row.id, dataKey }
}

/**
 * Name + PIN → a kamer token. Wrong tries count in the limit store per address, per name and per
 * (name, address) (server/auth/limits.ts): a guesser elsewhere slows down on a name but cannot lock its
 * jongere out, and a name that does not exist behaves exactly like one that does (scrypt time, counts,
 * answers), so neither the lockout nor the timing tells which names are real.
 */
export async function openKamer(deps: Deps, name: string, secret: string, address: string): Promise<KamerTokenIssued> {
  const account = normalizeKamerName(name)
  const admitted = await admitAccountTry(deps.limits, KAMER_RULE, account, address)
  if (admitted === 'address') throw new CodedError('rate_limited', 429)
  if (admitted === 'pair') throw new CodedError('kamer_locked', 429)
  const priority = (await addressHasFailed(deps.limits, KAMER_RULE, address)) ? 'low' : 'high'
  const candidates = await deps.db
    .selectFrom('kamers')
    .select(['id', 'pin_kdf', 'key_sealed'])
    .where('name_key', '=', nameKey(deps, name))
    .where('key_sealed', 'is not', null)
    .orderBy('opened_at', 'desc')
    .limit(MAX_SAME_NAME)
    .execute()
  let found: { kamerId: string; dataKey: Buffer } | null = null
  for (const row of candidates) {
    const dataKey = await openWithPin(
      deps,
      { id: row.id, pin_kdf: row.pin_kdf!, key_sealed: row.key_sealed! },
      secret,
      priority,
    )
    if (dataKey) {
      found = { kamerId: row.id, dataKey }
      break
    }
  }
  if (candidates.length === 0) {
    found = await upgradeLegacy(deps, name, secret, priority)
    // Unknown names cost the same scrypt time as known ones.
    if (!found) await verifyPassword(secret, await DUMMY_HASH_PROMISE, priority)
  }
  const kamer = found
    ? await deps.db
        .selectFrom('kamers')
        .innerJoin('children', 'children.id', 'kamers.child_id')
        .select(['kamers.child_id', 'children.key_wrapped', 'children.age_band'])
        .where('kamers.id', '=', found.kamerId)
        .executeTakeFirst()
    : undefined
  if (!found || !kamer || !kamer.key_wrapped || !KAMER_BANDS.includes(kamer.age_band)) {
    await accountTryFailed(deps.limits, KAMER_RULE, account, address)
    throw new CodedError('wrong_credentials', 401)
  }
  await accountTrySucceeded(deps.limits, KAMER_RULE, account, address)
  const { kamerId, dataKey } = found
  const issued = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kamers')
      .set({ opened_at: iso(deps.clock), updated_at: iso(deps.clock) })
      .where('id', '=', kamerId)
      .execute()
    // One kamer, one open visit: opening it on another device closes the earlier one.
    const revoked = await revokeChildTokens(trx, deps, kamer.child_id)
    const { token, tokenHash } = await issueToken(trx, deps, kamer.child_id, kamerId, dataKey)
    return { token, tokenHash, childId: kamer.child_id, kamerId, revoked }
  })
  return opened(deps, issued, dataKey)
}

/** The principal behind a kamer token, or null when it is unknown, revoked, too old or idle. */
export async function kamerPrincipal(
  deps: Deps,
  token: string | undefined,
): Promise<(KamerPrincipal & { kamerId: string }) | null> {
  if (!token || token.length > 100) return null
  const tokenHash = hashToken(token)
  const p = await kamerPrincipalByHash(deps, tokenHash)
  // The token unseals its kamer's key: any node the jongere reaches can read the kamer while it is open.
  if (p && !deps.kamerKeys.get(p.kamerId)) {
    const row = await deps.db
      .selectFrom('kamer_tokens')
      .select('key_sealed')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()
    if (!row?.key_sealed) return null
    const key = Buffer.from(open(tokenKey(token), row.key_sealed, tokenAad(tokenHash)), 'base64')
    deps.kamerKeys.remember(p.kamerId, p.childId, tokenHash, key)
  }
  return p
}

export async function kamerPrincipalByHash(
  deps: Deps,
  tokenHash: string,
): Promise<(KamerPrincipal & { kamerId: string }) | null> {
  const row = await deps.db
    .selectFrom('kamer_tokens')
    .innerJoin('children', 'children.id', 'kamer_tokens.child_id')
    .select([
      'kamer_tokens.child_id',
      'kamer_tokens.kamer_id',
      'kamer_tokens.expires_at',
      'kamer_tokens.last_seen_at',
      'kamer_tokens.revoked_at',
      'children.key_wrapped',
    ])
    .where('kamer_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.revoked_at || !row.key_wrapped || !row.kamer_id) {
    deps.kamerKeys.forgetToken(tokenHash)
    return null
  }
  const now = deps.clock.now()
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + KAMER_IDLE_MS <= now) {
    await lockKamerToken(deps, tokenHash)
    return null
  }
  return { role: 'kind', childId: row.child_id, kamer: true, kamerId: row.kamer_id, tokenHash }
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
  deps.kamerKeys.forgetToken(tokenHash)
  await deps.db
    .updateTable('kamer_tokens')
    .set({ revoked_at: iso(deps.clock) })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}
