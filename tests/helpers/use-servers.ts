import { afterEach } from 'vitest'
import type { ServerOptions } from '../../server/app'
import { connect, HttpUser, seedOrganisations, startTestServer, type TestServer, type TestSocket } from './server'

/**
 * Test servers and sockets that clean up after each test: sockets are disconnected, then servers
 * stopped. Kept apart from ./server because that module is also loaded outside vitest (the bench and
 * the bundled server process of the reliability tests), where importing vitest costs every start.
 */
export function useServers() {
  const servers: TestServer[] = []
  const sockets: TestSocket[] = []

  /** What runs after each test; a test that restarts a server on the same data calls it itself. */
  async function stopAll() {
    for (const s of sockets.splice(0)) s.disconnect()
    for (const s of servers.splice(0)) await s.stop()
  }
  afterEach(stopAll)

  async function start(opts: Partial<ServerOptions> = {}) {
    const server = await startTestServer(opts)
    servers.push(server)
    return server
  }

  /** A server with both organisations seeded (see seedOrganisations) and Sanne (team A1) logged in. */
  async function startSeeded(opts: Partial<ServerOptions> = {}) {
    const server = await start(opts)
    const ids = await seedOrganisations(server)
    const sanne = await HttpUser.login(server.url, 'sanne')
    return { server, ids, sanne }
  }

  /** A socket that is disconnected after the test. */
  function open(url: string, opts: Parameters<typeof connect>[1] = {}) {
    const socket = connect(url, opts)
    sockets.push(socket)
    return socket
  }

  return { start, startSeeded, open, stopAll }
}
