/**
 * vitest global setup. With KG_STORE=postgres it starts one real PostgreSQL and one real Redis for the
 * whole run and hands their addresses to the test workers (and the server processes they spawn) through
 * the environment; startTestServer then gives each server its own database and Redis prefix.
 */
import { startPostgres, startRedis, type Service } from './services'

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.KG_STORE !== 'postgres') return () => Promise.resolve()
  const started: Service[] = []
  try {
    const pg = await startPostgres()
    started.push(pg)
    const redis = await startRedis()
    started.push(redis)
    process.env.KG_TEST_PG_ADMIN_URL = pg.url
    process.env.KG_TEST_REDIS_URL = redis.url
  } catch (err) {
    for (const s of started) await s.stop()
    throw err
  }
  return async () => {
    for (const s of started.reverse()) await s.stop()
  }
}
