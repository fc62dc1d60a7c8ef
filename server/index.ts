import { resolve } from 'node:path'
import { startServer } from './app'
import { Env } from './env'

// Files the server makes (the database's -wal and -shm among them) are for the service user only.
process.umask(0o077)

const env = Env.safeParse(process.env)
if (!env.success) {
  console.error('Invalid environment:', env.error.issues.map((i) => i.path.join('.')).join(', '))
  process.exit(1)
}

const server = await startServer({
  dataDir: resolve(env.data.DATA_DIR),
  databaseUrl: env.data.DATABASE_URL,
  redisUrl: env.data.REDIS_URL,
  port: env.data.PORT,
  host: env.data.HOST,
  instanceKey: env.data.KINDGESPREK_KEY,
  origins: env.data.PUBLIC_ORIGINS,
  secure: env.data.BEHIND_TLS,
  retentionDays: env.data.RETENTION_DAYS,
  signalFollowUpDays: env.data.SIGNAL_FOLLOW_UP_DAYS,
  ...(env.data.HELP_LINES ? { helpLines: env.data.HELP_LINES } : {}),
  trustProxy: env.data.TRUST_PROXY,
  devOrigins: env.data.DEV_ORIGINS,
  demo: env.data.DEMO,
  demoCaseload: env.data.DEMO,
})

const shownUrl = env.data.PUBLIC_ORIGINS[0] ?? server.url
console.log(`\nkindgesprek draait op ${shownUrl}`)
console.log(`  begeleider: ${shownUrl}/begeleider`)
console.log(`  kind:       ${shownUrl}/kind`)
console.log(`  kamer:      ${shownUrl}/kamer`)
if (server.demo)
  console.log(`  demo-login: gebruikersnaam "${server.demo.username}", wachtwoord "${server.demo.password}"`)
console.log('')

const stop = (signal: string) => {
  server.deps.log.info('shutting down', { signal })
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGTERM', () => stop('SIGTERM'))
process.once('SIGINT', () => stop('SIGINT'))
