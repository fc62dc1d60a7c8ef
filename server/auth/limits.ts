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
