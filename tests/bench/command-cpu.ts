/**
 * The gesprek host's own CPU per command, in process, without sockets: authorisation, the machine,
 * the projections every audience's `shown` needs and the two live rooms' views, sealing, the group
 * commit's hand-over to the writer thread. Measured as the main thread's CPU time (/proc), which the
 * machine's load moves far less than wall time, with the data on tmpfs so the disk adds no wait. The
 * relay benchmark adds what socket.io costs around it. Env: COMMAND_GESPREKKEN (default 200),
 * COMMAND_ROUNDS (answers per gesprek, default 20), TMPFS_DIR (default /dev/shm).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../server/app'
import { devicePrincipal } from '../../server/auth/join-codes'
import { createLogger } from '../../server/log'
import { cleanSeeds, cpuMs, figure, seededDataDir } from './lib/harness'
import { cpSync } from 'node:fs'

const N = Number(process.env.COMMAND_GESPREKKEN ?? 200)
const ROUNDS = Number(process.env.COMMAND_ROUNDS ?? 20)
const TMPFS = process.env.TMPFS_DIR ?? '/dev/shm'

const seed = seededDataDir(N)
const dataDir = mkdtempSync(join(existsSync(TMPFS) ? TMPFS : tmpdir(), 'kg-cmd-'))
cpSync(seed.dataDir, dataDir, { recursive: true })
rmSync(seed.dataDir, { recursive: true, force: true })
const server = await startServer({ dataDir, port: 0, log: createLogger(() => undefined, true) })
const { host } = server
// What the broadcaster asks of a commit when both live rooms are watched (server/realtime/broadcast.ts).
host.onCommitted((_id, _seq, viewFor, seqFor) => {
  viewFor('kind')
  viewFor('begeleider')
  seqFor('begeleider')
})
const principals = await Promise.all(seed.pairs.map((p) => devicePrincipal(server.deps, p.token)))
let n = 0
/** One answer from every child at once (one group commit), `rounds` times. */
async function answers(rounds: number) {
  for (let r = 0; r < rounds; r++)
    await Promise.all(
      seed.pairs.map((p, i) => {
        const id = `c${n++}`
        return host.command(principals[i]!, p.gesprekId, id, {
          type: 'item.add',
          item: { id: `item-${id}`, text: `antwoord ${r}`, pictures: [] },
        } as never)
      }),
    )
}
// Past the intro, then warm (JIT, caches, every gesprek loaded).
await Promise.all(
  seed.pairs.map((p, i) => host.command(principals[i]!, p.gesprekId, `nav-${i}`, { type: 'nav.next' }).catch(() => 0)),
)
await answers(5)
const pid = process.pid
const main0 = cpuMs(pid, pid)
const all0 = cpuMs(pid)
await answers(ROUNDS)
const main1 = cpuMs(pid, pid)
const all1 = cpuMs(pid)
const commands = N * ROUNDS
await server.close()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()
figure('command', 'host CPU per command, main thread (no sockets)', (main1 - main0) / commands, 'ms', null, {
  gesprekken: N,
  commands,
  process: (all1 - all0) / commands,
})
process.exit(0)
