import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { tempDir } from './server'
import { freePort, systemProgram } from './services'

export const NGINX = systemProgram('nginx', ['/usr/sbin'])

/**
 * The proxy block docs/operations.md prescribes, for one upstream. Kept here so the test runs exactly
 * what the operations guide shows.
 */
function proxyConfig(upstreamPort: number, listenPort: number) {
  return `
map $http_upgrade $connection_upgrade {
  default upgrade;
  ''      close;
}
server {
  listen 127.0.0.1:${listenPort};
  location / {
    proxy_pass http://127.0.0.1:${upstreamPort};
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
  }
}`
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect(port, '127.0.0.1')
    c.once('connect', () => (c.destroy(), resolve(true)))
    c.once('error', () => resolve(false))
  })

/** A real nginx in front of `upstreamPort`, with its own prefix, pid, logs and temp dirs in a temp folder. */
export async function startNginx(upstreamPort: number): Promise<{ port: number; stop: () => Promise<void> }> {
  if (!NGINX) throw new Error('nginx is not installed (.ci/run installs it)')
  const dir = tempDir('kg-nginx-')
  for (const d of ['logs', 'tmp']) mkdirSync(join(dir, d))
  // A free port can be taken between our probe and nginx's bind: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort()
    const conf = join(dir, 'nginx.conf')
    writeFileSync(
      conf,
      `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  ${proxyConfig(upstreamPort, port)}
}
`,
    )
    const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-e', join(dir, 'logs', 'error.log')], {
      stdio: 'ignore',
    })
    let exited = false
    proc.once('exit', () => void (exited = true))
    for (let i = 0; i < 200 && !exited; i++) {
      if (await accepts(port)) {
        const stop = async () => {
          if (!exited) {
            const gone = new Promise((r) => proc.once('exit', r))
            proc.kill('SIGTERM')
            await gone
          }
          rmSync(dir, { recursive: true, force: true })
        }
        return { port, stop }
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    if (!exited) proc.kill('SIGKILL')
  }
  rmSync(dir, { recursive: true, force: true })
  throw new Error('nginx did not start')
}
