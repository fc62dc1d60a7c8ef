import { BlockList, isIP } from 'node:net'

/**
 * Which proxies in front of us may tell us the client's address (TRUST_PROXY, docs/operations.md):
 * none (the TCP peer is the client), a number of hops (each adds one X-Forwarded-For entry), or a
 * list of addresses and subnets of our own proxies.
 */
export type TrustProxy = { type: 'none' } | { type: 'hops'; hops: number } | { type: 'list'; list: BlockList }

/** Parses TRUST_PROXY: empty/0/false, a hop count, or comma-separated addresses and CIDR subnets. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim()
  if (!v || v === '0' || v === 'false') return { type: 'none' }
  if (/^\d+$/.test(v)) return { type: 'hops', hops: Math.min(Number(v), 10) }
  const list = new BlockList()
  for (const part of v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [addr, bits] = part.split('/') as [string, string | undefined]
    const type = isIP(addr) === 6 ? 'ipv6' : isIP(addr) === 4 ? 'ipv4' : null
    if (!type) throw new Error(`TRUST_PROXY: not an address or subnet: ${part}`)
    if (bits === undefined) list.addAddress(addr, type)
    else {
      const prefix = Number(bits)
      if (!/^\d+$/.test(bits) || prefix > (type === 'ipv4' ? 32 : 128))
        throw new Error(`TRUST_PROXY: bad subnet: ${part}`)
      list.addSubnet(addr, prefix, type)
    }
  }
  return { type: 'list', list }
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
const plain = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a)

function trusted(list: BlockList, address: string): boolean {
  const type = isIP(address)
  return type !== 0 && list.check(address, type === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The client's address. X-Forwarded-For is read from the right, only as far as trusted hops go: an
 * entry the client wrote itself sits left of what our proxy appended, and is never reached.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const socketPeer = plain(peer ?? 'unknown')
  if (trust.type === 'none' || !forwardedFor) return socketPeer
  const chain = forwardedFor
    .split(',')
    .map((s) => plain(s.trim()))
    .filter((s) => isIP(s) !== 0)
  if (trust.type === 'hops') {
    // Hop n (1 = the proxy that talks to us) appended entry chain[len - n].
    const i = chain.length - trust.hops
    return chain[Math.max(i, 0)] ?? socketPeer
  }
  let current = socketPeer
  while (trusted(trust.list, current) && chain.length > 0) current = chain.pop()!
  return current
}
