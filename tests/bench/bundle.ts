/**
 * Client bundle size per route (the budget in docs/decisions/0008-what-loads-when.md): the JS a browser must load before the first screen of /kind,
 * /kamer and /begeleider, gzip-compressed. Reads Vite's manifest; run after `vite build`. Prints JSON;
 * tests/client/bundle-budget.test.ts enforces the budgets with the same computation (route-js.ts).
 */
import { allRoutesKiB, BUDGET, TARGET } from './route-js'

console.log(
  JSON.stringify(
    { metric: 'initial JS per route, KiB gzip', ...allRoutesKiB(), budget: BUDGET, target: TARGET },
    null,
    2,
  ),
)
