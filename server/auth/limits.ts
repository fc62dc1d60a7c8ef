import { createHmac } from 'node:crypto'
import type { LimitStore } from './limit-store'

/**
 * Rate limits and backoff on top of a LimitStore. Every key is `scope:` plus a keyed hash of the
 * address, username or kamer name it is about, so neither memory nor a shared Redis ever holds them.
 */
export class Limits {
  constructor(
    readonly store: LimitStore,
    private readonly macKey: Buffer,
  ) {}

  /** The store key for one thing (an address, an account) within one scope. */
  key(scope: string, value: string): string {
    return `${scope}:${createHmac('sha256', this.macKey).update(value).digest('base64url').slice(0, 32)}`
  }

  /** Counts one attempt; true when it is over `max` in the window. */
  async over(scope: string, value: string, max: number, windowMs: number): Promise<boolean> {
    return (await this.store.hit(this.key(scope, value), windowMs)) > max
  }

  count(scope: string, value: string): Promise<number> {
    return this.store.get(this.key(scope, value))
  }

  reset(scope: string, value: string): Promise<void> {
    return this.store.reset(this.key(scope, value))
  }
}

/**
 * Guessable codes (join codes, kamer invites): failures per address, and a global ceiling on tries.
 * Over the ceiling only addresses that already guessed wrong are turned away, so a few dozen guessing
 * addresses cannot fill it and keep real children out; a fresh address gets one try.
 */
const CODE_WINDOW_MS = 60_000
export async function admitCodeTry(
  limits: Limits,
  scope: 'join' | 'invite',
  address: string,
  perAddress: number,
  ceiling: number,
): Promise<boolean> {
  const fails = await limits.count(`${scope}-fail-ip`, address)
  if (fails >= perAddress) return false
  // 'all' is not about a person: the one key every try counts on.
  const tries = await limits.store.hit(`${scope}-all`, CODE_WINDOW_MS)
  return tries <= ceiling || fails === 0
}
export async function codeTryFailed(limits: Limits, scope: 'join' | 'invite', address: string): Promise<void> {
  await limits.store.hit(limits.key(`${scope}-fail-ip`, address), CODE_WINDOW_MS)
}

/** Named accounts: a begeleider's username, a kamer's name. */
export type AccountRule = {
  scope: 'login' | 'kamer'
  windowMs: number
  /** Wrong tries from one address, over all accounts. */
  perAddress: number
  /** Wrong tries on one account from one address. */
  perPair: number
  /** Wrong tries on one account from everywhere before it counts as attacked... */
  attacked: number
  /** ...after which an address may go wrong only this often on it. */
  perPairAttacked: number
}

export const LOGIN_RULE: AccountRule = {
  scope: 'login',
  windowMs: 15 * 60_000,
  perAddress: 20,
  perPair: 10,
  attacked: 10,
  perPairAttacked: 3,
}
export const KAMER_RULE: AccountRule = {
  scope: 'kamer',
  windowMs: 15 * 60_000,
  perAddress: 20,
  perPair: 5,
  attacked: 5,
  perPairAttacked: 2,
}

/**
 * Whether a try on a named account may go ahead. Counts are per address, per account and per
 * (account, address): a guesser elsewhere slows down on the account (fewer tries per address once it
 * is attacked) but never locks its owner out, and nothing here depends on the account existing.
 * 'address' when the address itself is over; 'pair' when this address may not try this account now.
 */
export async function admitAccountTry(
  limits: Limits,
  rule: AccountRule,
  account: string,
  address: string,
): Promise<'ok' | 'address' | 'pair'> {
  const s = rule.scope
  if ((await limits.count(`${s}-fail-ip`, address)) >= rule.perAddress) return 'address'
  const pair = await limits.count(`${s}-fail-pair`, `${account}\u0000${address}`)
  if (pair >= rule.perPair) return 'pair'
  const attacked = (await limits.count(`${s}-fail-account`, account)) >= rule.attacked
  if (attacked && pair >= rule.perPairAttacked) return 'pair'
  return 'ok'
}

export async function accountTryFailed(limits: Limits, rule: AccountRule, account: string, address: string) {
  const s = rule.scope
  await limits.over(`${s}-fail-ip`, address, 0, rule.windowMs)
  await limits.over(`${s}-fail-pair`, `${account}\u0000${address}`, 0, rule.windowMs)
  await limits.over(`${s}-fail-account`, account, 0, rule.windowMs)
}

/** A good try ends its own pair's count; the account's count stays (the guesser may still be there). */
export async function accountTrySucceeded(limits: Limits, rule: AccountRule, account: string, address: string) {
  await limits.reset(`${rule.scope}-fail-pair`, `${account}\u0000${address}`)
}

/** Failures from one address, e.g. to put a known guesser behind real users in the scrypt queue. */
export async function addressHasFailed(limits: Limits, rule: AccountRule, address: string): Promise<boolean> {
  return (await limits.count(`${rule.scope}-fail-ip`, address)) > 0
}
