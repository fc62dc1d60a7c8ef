import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { open, seal } from '../../server/crypto/seal'

describe('seal (AES-256-GCM, nonces from a pool)', () => {
  it('never repeats a nonce, across refills of the pool, and opens what it sealed', () => {
    const key = randomBytes(32)
    const nonces = new Set<string>()
    // More than three pools' worth: the refill must not hand out a nonce twice.
    for (let i = 0; i < 3500; i++) {
      const sealed = seal(key, 'hetzelfde antwoord', 'g:1:event')
      nonces.add(Buffer.from(sealed.slice(3), 'base64').subarray(0, 12).toString('hex'))
      if (i % 500 === 0) expect(open(key, sealed, 'g:1:event')).toBe('hetzelfde antwoord')
    }
    expect(nonces.size).toBe(3500)
  })

  it('refuses another place or another key', () => {
    const key = randomBytes(32)
    const sealed = seal(key, 'geheim', 'g:1:event')
    expect(() => open(key, sealed, 'g:2:event')).toThrow()
    expect(() => open(randomBytes(32), sealed, 'g:1:event')).toThrow()
  })
})
