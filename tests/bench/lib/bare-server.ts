/**
 * The bare relay the product is measured against (benchmarks only): socket.io with no validation, no
 * authorisation and no storage; a child's answer goes to its pair's begeleider room and is acked.
 * Prints `LISTENING <port>` once it accepts connections.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'

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
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  process.stdout.write(`LISTENING ${(http.address() as AddressInfo).port}\n`),
)
process.once('SIGTERM', () => void io.close(() => process.exit(0)))
