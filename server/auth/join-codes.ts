import { CodedError } from '../../dialogs/contract/errors'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { DEVICE_END_PHASES } from '../gesprek/devices'
import { hashToken, newId, newToken } from '../ids'
import { writerOf } from '../store/sqlite-writer'
import type { DevicePrincipal } from './principal'
import { assertUsable, codeHash, mintCode, useOnce } from './single-use'

export const CHILD_IDLE_MS = 15 * 60_000
export const CHILD_ABSOLUTE_MS = 12 * 60 * 60_000

/** A new single-use code for one gesprek; older unused codes for it stop working (server/auth/single-use.ts). */
export async function createJoinCode(
  deps: Deps,
  gesprekId: string,
  createdBy: string,
): Promise<{ code: string; expiresAt: string }> {
  return mintCode(deps, { table: 'join_codes', purpose: 'join-code', scope: ['gesprek_id', gesprekId] }, (trx, row) =>
    trx
      .insertInto('join_codes')
      .values({ ...row, gesprek_id: gesprekId, created_by: createdBy })
      .execute(),
  )
}

/**
 * How a device came to the gesprek (the child's receipt names it): the first screen; a new screen after
 * the earlier ones ended; or one more screen while the child's own is still there (ADR 0010).
 */
export type DeviceJoin = 'join' | 'rejoin' | 'second-device'

export type Redeemed = {
  token: string
  gesprekId: string
  childId: string
  deviceId: string
  trusted: boolean
  how: DeviceJoin
  /** Who made the code; null for codes from before this was recorded. */
  mintedBy: string | null
}

/**
 * Redeems a code once; answers with a device token bound to that one gesprek. Only the gesprek's first
 * device is the child's own (trusted); every later one sees what a begeleider sees plus its own items
 * until one of the child's devices approves it. A request that carries a begeleider's live session is
 * never trusted: a begeleider's browser does not become the child.
 */
export async function redeemJoinCode(
  deps: Deps,
  code: string,
  opts: { fromBegeleiderBrowser?: boolean } = {},
): Promise<Redeemed> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('join_codes')
      .innerJoin('gesprekken', 'gesprekken.id', 'join_codes.gesprek_id')
      .select([
        'join_codes.code_hash',
        'join_codes.expires_at',
        'join_codes.used_at',
        'join_codes.created_by',
        'gesprekken.id',
        'gesprekken.child_id',
        'gesprekken.phase',
      ])
      .where('join_codes.code_hash', '=', codeHash(deps, 'join-code', code))
      .executeTakeFirst()
    assertUsable(deps, row)
    // A code minted before the gesprek stopped opens nothing after it (ADR 0010).
    if (DEVICE_END_PHASES.includes(row.phase)) throw new CodedError('code_expired', 400)
    await useOnce(trx, deps, 'join_codes', row.code_hash)
    const earlier = await trx
      .selectFrom('device_tokens')
      .select(['trusted', 'revoked_at', 'expires_at', 'last_seen_at'])
      .where('gesprek_id', '=', row.id)
      .execute()
    const now = deps.clock.now()
    const live = (d: (typeof earlier)[number]) =>
      !d.revoked_at && Date.parse(d.expires_at) > now && Date.parse(d.last_seen_at) + CHILD_IDLE_MS > now
    const hadTrusted = earlier.some((d) => d.trusted === 1)
    const trusted = !hadTrusted && !opts.fromBegeleiderBrowser
    const how: DeviceJoin =
      earlier.length === 0 ? 'join' : earlier.some((d) => d.trusted === 1 && live(d)) ? 'second-device' : 'rejoin'
    const token = newToken()
    const deviceId = newId()
    await trx
      .insertInto('device_tokens')
      .values({
        token_hash: hashToken(token),
        gesprek_id: row.id,
        child_id: row.child_id,
        created_at: iso(deps.clock),
        expires_at: iso(deps.clock, CHILD_ABSOLUTE_MS),
        last_seen_at: iso(deps.clock),
        revoked_at: null,
        device_id: deviceId,
        trusted: trusted ? 1 : 0,
        minted_by: row.created_by ?? null,
      })
      .execute()
    return {
      token,
      gesprekId: row.id,
      childId: row.child_id,
      deviceId,
      trusted,
      how,
      mintedBy: row.created_by ?? null,
    }
  })
}

/** A token's public device id; tokens from before device ids get a stable stand-in from the (hashed) token. */
export const deviceIdOf = (row: { device_id?: string | null; token_hash: string }) =>
  row.device_id ?? `legacy-${row.token_hash.slice(0, 16)}`

export async function devicePrincipal(deps: Deps, token: string | undefined): Promise<DevicePrincipal | null> {
  if (!token || token.length > 100) return null
  return devicePrincipalByHash(deps, hashToken(token))
}

/** The same check by the stored hash: an open socket re-checks its token (revoked, erased, idle). */
export async function devicePrincipalByHash(deps: Deps, tokenHash: string): Promise<DevicePrincipal | null> {
  const row = await deps.db
    .selectFrom('device_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.revoked_at) return null
  const now = deps.clock.now()
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + CHILD_IDLE_MS <= now) return null
  return {
    role: 'kind',
    childId: row.child_id,
    gesprekId: row.gesprek_id,
    tokenHash,
    deviceId: deviceIdOf(row),
    trusted: row.trusted === 1,
  }
}

/**
 * When each device token was last written, per server: a write per answer would double the fsyncs. The
 * write itself only happens when the stored time is a minute old, so several nodes together still write
 * a token at most about once a minute (the database is the shared throttle; no second store needed).
 */
const lastTouched = new WeakMap<Deps, Map<string, number>>()
const TOUCH_EVERY_MS = 60_000

/** Keeps a device token alive; written at most once a minute (the idle limit is 15 minutes). */
export async function touchDevice(deps: Deps, tokenHash: string): Promise<void> {
  let seen = lastTouched.get(deps)
  if (!seen) lastTouched.set(deps, (seen = new Map<string, number>()))
  const now = deps.clock.now()
  const last = seen.get(tokenHash)
  if (last !== undefined && now - last < TOUCH_EVERY_MS && now >= last) return
  seen.set(tokenHash, now)
  if (seen.size > 20_000) for (const [k, t] of seen) if (now - t >= TOUCH_EVERY_MS) seen.delete(k)
  // Touches in the same turn of the loop (every device re-joining after a restart) share one transaction.
  let batch = touchBatches.get(deps)
  if (!batch) {
    const tokens = new Set<string>()
    const written = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        touchBatches.delete(deps)
        const at = iso(deps.clock)
        // Written only when the stored time is a minute old (or in the future): another node may have
        // touched the token a moment ago.
        const staleBefore = iso(deps.clock, -TOUCH_EVERY_MS)
        const writer = writerOf(deps.db)
        if (writer) return void writer.touchDevices(at, staleBefore, [...tokens]).then(resolve, reject)
        deps.db
          .transaction()
          .execute(async (trx) => {
            for (const hash of tokens)
              await trx
                .updateTable('device_tokens')
                .set({ last_seen_at: at })
                .where('token_hash', '=', hash)
                .where((w) => w.or([w('last_seen_at', '<=', staleBefore), w('last_seen_at', '>', at)]))
                .execute()
          })
          .then(resolve, reject)
      }),
    )
    touchBatches.set(deps, (batch = { tokens, written }))
  }
  batch.tokens.add(tokenHash)
  await batch.written
}
const touchBatches = new WeakMap<Deps, { tokens: Set<string>; written: Promise<void> }>()
