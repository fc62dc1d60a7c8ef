import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { useServers } from '../helpers/use-servers'

/**
 * The own origin never comes from the Host header a client sends: without PUBLIC_ORIGINS it is the
 * address the server listens on, with it exactly those origins (child join, socket handshake, QR codes).
 */
const { start } = useServers()

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const join = (port: number, headers: Record<string, string>) =>
  send(port, 'POST', '/api/kind/join', { 'content-type': 'application/json', ...headers }, '{"code":"AAAA-AAAA"}')
const handshake = (port: number, headers: Record<string, string>) =>
  send(port, 'GET', '/socket.io/?EIO=4&transport=polling', headers)

describe('the own origin', () => {
  it('without PUBLIC_ORIGINS, a foreign Host header does not make a foreign origin our own', async () => {
    const server = await start({ retentionDays: false })
    const evil = { host: 'evil.example', origin: 'http://evil.example' }
    expect(await join(server.port, evil)).toBe(403)
    expect(await handshake(server.port, evil)).toBe(403)
    // Our own address still works, by IP and as localhost.
    const own = { host: `127.0.0.1:${server.port}`, origin: `http://127.0.0.1:${server.port}` }
    expect(await join(server.port, own)).toBe(400)
    expect(await handshake(server.port, own)).toBe(200)
    expect(
      await join(server.port, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` }),
    ).toBe(400)
  })

  it('with PUBLIC_ORIGINS, only those origins are ours, whatever the Host header says', async () => {
    const server = await start({ retentionDays: false, origins: ['https://kindgesprek.example.nl'] })
    const evil = { host: 'evil.example', origin: 'http://evil.example' }
    expect(await join(server.port, evil)).toBe(403)
    expect(await handshake(server.port, evil)).toBe(403)
    const pub = { host: 'kindgesprek.example.nl', origin: 'https://kindgesprek.example.nl' }
    expect(await join(server.port, pub)).toBe(400)
    expect(await handshake(server.port, pub)).toBe(200)
  })
})
