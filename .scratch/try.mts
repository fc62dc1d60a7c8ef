import { startPostgres, startRedis, databaseFor } from '/work/wt/p16/tests/helpers/services'
import { openStore } from '/work/wt/p16/server/store/db'
const t0 = Date.now()
const p = await startPostgres()
const r = await startRedis()
console.log('up', Date.now() - t0, p.url, r.url)
const url = await databaseFor(p.url, '/tmp/x')
const [a, b] = await Promise.all([openStore({ dataDir: '', databaseUrl: url }), openStore({ dataDir: '', databaseUrl: url })])
console.log(await a.selectFrom('schema_migrations').selectAll().execute())
const c = await a.selectFrom('gesprek_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
console.log(c, typeof c!.n)
await a.destroy(); await b.destroy()
await p.stop(); await r.stop()
