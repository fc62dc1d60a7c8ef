import { request } from 'node:http'
import type { HttpUser } from './server'

/**
 * An oversize body is answered before it is read, and the connection is then closed: fetch may report
 * that as a failure, depending on how far the write got. This reads the answer off a plain request and
 * ignores the cut-off write, so the test sees the server's answer on a busy machine too.
 */
export function sendTooBig(
  user: HttpUser,
  method: string,
  path: string,
  type: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: { error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(user.base + path, {
      method,
      headers: { cookie: user.cookie, 'content-type': type, 'content-length': String(bytes.length) },
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (d: Buffer) => (text += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { error?: string } }))
      res.on('error', reject)
    })
    req.on('error', () => undefined)
    req.end(bytes)
  })
}
