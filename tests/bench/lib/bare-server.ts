/**
 * The bare relay the product is measured against (benchmarks only): socket.io with no validation, no
 * authorisation and no storage; a child's answer goes to its pair's begeleider room and is acked.
 * Prints `LISTENING <port>` once it accepts connections; SIGUSR2 prints a `STATS` line with its CPU and
 * event-loop delay (no commits), and with BENCH_CPU_PROF a CPU profile per interval, like the product's.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { Server } from 'socket.io'
import { cpuProfiler } from './cpu-prof'

const http = createServer()
const io = new Server(http, { serveClient: false })
io.on('connection', (s) => {
  const pair = String(s.handshake.auth.pair)
  void s.join(`pair:${pair}:${String(s.handshake.auth.role)}`)
  s.on('answer', (a: unknown, ack: () => void) => {
    ack()
    io.to(`pair:${pair}:begeleider`).emit('answer', a)
  })
})
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
/** The main thread's busy and idle time since the start, ms (a benchmark takes the difference). */
const eluNow = () => {
  const { active, idle } = performance.eventLoopUtilization()
  return { active, idle }
}
loopDelay.enable()
const profile = cpuProfiler('bare')
process.on('SIGUSR2', () => {
  profile?.()
  const ms = (ns: number) => Math.round(ns / 1e4) / 100
  const loop = { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) }
  loopDelay.reset()
  process.stdout.write(
    `STATS ${JSON.stringify({ cpu: process.cpuUsage(), loopDelay: loop, elu: eluNow(), commits: null })}\n`,
  )
})
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  process.stdout.write(`LISTENING ${(http.address() as AddressInfo).port}\n`),
)
process.once('SIGTERM', () => void io.close(() => process.exit(0)))
