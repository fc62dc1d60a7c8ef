import { describe, expect, it } from 'vitest'
import { MemoryLimitStore } from '../../server/auth/limit-store'
import { Limits } from '../../server/auth/limits'
import { fakeClock } from '../helpers/server'

describe('LimitStore (in memory)', () => {
  it('counts hits per key in a fixed window and forgets them after it', async () => {
    const clock = fakeClock()
    const store = new MemoryLimitStore(clock)
    expect(await store.hit('a', 1000)).toBe(1)
    expect(await store.hit('a', 1000)).toBe(2)
    expect(await store.hit('b', 1000)).toBe(1)
    expect(await store.get('a')).toBe(2)
    clock.advance(1000)
    expect(await store.get('a')).toBe(0)
    expect(await store.hit('a', 1000)).toBe(1)
    await store.reset('a')
    expect(await store.get('a')).toBe(0)
  })

  it('holds a concurrency ceiling; a slot never released frees itself after its ttl', async () => {
    const clock = fakeClock()
    const store = new MemoryLimitStore(clock)
    expect(await store.acquire('s', 2, 5000)).toBe(true)
    expect(await store.acquire('s', 2, 5000)).toBe(true)
    expect(await store.acquire('s', 2, 5000)).toBe(false)
    await store.release('s')
    expect(await store.acquire('s', 2, 5000)).toBe(true)
    clock.advance(5001)
    expect(await store.acquire('s', 2, 5000)).toBe(true)
    expect(await store.acquire('s', 2, 5000)).toBe(true)
    expect(await store.acquire('s', 2, 5000)).toBe(false)
  })

  it('keys hold no address or name in the clear', async () => {
    const store = new MemoryLimitStore(fakeClock())
    const keys: string[] = []
    const spy = { ...store, hit: (k: string, w: number) => (keys.push(k), store.hit(k, w)) }
    const limits = new Limits(spy as unknown as MemoryLimitStore, Buffer.alloc(32, 7))
    await limits.over('login-user', 'sanne', 10, 1000)
    await limits.over('join-ip', '203.0.113.9', 5, 1000)
    expect(keys).toHaveLength(2)
    for (const k of keys) expect(k).not.toMatch(/sanne|203\.0\.113/)
    expect(keys[0]).toMatch(/^login-user:[\w-]{32}$/)
  })
})
