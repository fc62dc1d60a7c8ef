/**
 * The gesprek host's own CPU per command, in process, without sockets: authorisation, the machine,
 * the projections every audience's `shown` needs and the two live rooms' views, sealing, the group
 * commit's hand-over to the writer thread. Measured as the main thread's CPU time (/proc), which the
 * machine's load moves far less than wall time, with the data on tmpfs so the disk adds no wait. The
 * relay benchmark adds what socket.io costs around it. The same measure around item 280 against around
 * item 10 says whether a command's cost grows with the gesprek's length (ADR 0155). Env: COMMAND_GESPREKKEN (default 200),
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
/** Where the late measure starts: its 20 answers end at item 290, under the 300 a gesprek holds. */
const LATE_FROM = 270

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
/** The main thread's (and the whole process's) CPU per command over `rounds` more answers each. */
async function measured(rounds: number) {
  const main0 = cpuMs(pid, pid)
  const all0 = cpuMs(pid)
  await answers(rounds)
  const commands = N * rounds
  return { main: (cpuMs(pid, pid) - main0) / commands, process: (cpuMs(pid) - all0) / commands, commands }
}
const early = await measured(ROUNDS)
figure('command', 'host CPU per command, main thread (no sockets)', early.main, 'ms', null, {
  gesprekken: N,
  commands: early.commands,
  process: early.process,
})
// On to item 265, then the same measure around item 280 (a gesprek holds at most 300): the command
// path's CPU must not grow with what the gesprek already holds (ADR 0155). CPU time, not wall time,
// so the machine's load moves it little.
await answers(Math.max(0, LATE_FROM - 5 - ROUNDS))
const late = await measured(20)
figure(
  'length',
  'host CPU per command, item 280 / item 10',
  late.main / early.main,
  '×',
  { max: 1.5 },
  {
    item10: early.main,
    item280: late.main,
  },
)
await server.close()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()
process.exit(0)
