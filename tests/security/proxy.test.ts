import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { NGINX, startNginx } from '../helpers/nginx'
import { useServers } from '../helpers/use-servers'

/**
 * Behind the TLS proxy docs/operations.md prescribes, every request arrives from the proxy's address.
 * With TRUST_PROXY the limits key on the client's own address again.
 */
const { startSeeded } = useServers()
const proxies: { stop: () => Promise<void> }[] = []
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.stop()
})

/** One POST through nginx from a chosen loopback address, optionally with a forged X-Forwarded-For. */
function post(port: number, path: string, body: unknown, from: string, forged?: string) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const data = JSON.stringify(body)
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(forged ? { 'x-forwarded-for': forged } : {}),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') as unknown }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

const runs = NGINX || process.env.CI === 'true'

describe.runIf(runs)('behind a real nginx', () => {
  async function setup(trustProxy?: string) {
    const { server, sanne } = await startSeeded({ retentionDays: false, ...(trustProxy ? { trustProxy } : {}) })
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const proxy = await startNginx(server.port)
    proxies.push(proxy)
    return { port: proxy.port, code: String(g.body.join!.code) }
  }

  it("with TRUST_PROXY one child's bad codes do not stop another child joining", { timeout: 60_000 }, async () => {
    const { port, code } = await setup('1')
    for (let i = 0; i < 8; i++) await post(port, '/api/kind/join', { code: 'AAAA-AAAA' }, '127.0.0.2')
    expect((await post(port, '/api/kind/join', { code: 'AAAA-AAAA' }, '127.0.0.2')).status).toBe(429)
    // A forged header does not move the guesser to a fresh address: nginx appends the real one.
    expect((await post(port, '/api/kind/join', { code: 'AAAA-AAAA' }, '127.0.0.2', '198.51.100.7')).status).toBe(429)
    const other = await post(port, '/api/kind/join', { code }, '127.0.0.3')
    expect(other.status).toBe(200)
  })

  it(
    'without TRUST_PROXY everyone shares the proxy address (why the setting exists)',
    { timeout: 60_000 },
    async () => {
      const { port, code } = await setup()
      for (let i = 0; i < 8; i++) await post(port, '/api/kind/join', { code: 'AAAA-AAAA' }, '127.0.0.2')
      expect((await post(port, '/api/kind/join', { code }, '127.0.0.3')).status).toBe(429)
    },
  )
})
