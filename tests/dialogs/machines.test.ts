import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TOOLS } from '../../dialogs/registry'
import { machineJson, MACHINES_DIR } from '../../scripts/machines'

/** The statecharts in docs/machines/ are what the code builds: run `npm run machines` after a change. */
describe('docs/machines', () => {
  it('holds one file per tool, no more', () => {
    expect(readdirSync(MACHINES_DIR).sort()).toEqual(TOOLS.map((t) => `${t.id}.json`).sort())
  })
  for (const tool of TOOLS)
    it(`${tool.id}.json is the machine the registry builds`, () => {
      const written = readFileSync(`${MACHINES_DIR}${tool.id}.json`, 'utf8')
      expect(written).toBe(machineJson(tool))
      // one state per step under actief, plus the shared phases
      const config = JSON.parse(written) as { id: string; states: Record<string, { states?: object }> }
      expect(config.id).toBe(tool.id)
      expect(Object.keys(config.states)).toEqual(['actief', 'gepauzeerd', 'gestopt', 'afgerond'])
      expect(Object.keys(config.states.actief!.states!)).toEqual([...tool.steps.map((s) => s.id), 'hist'])
    })
})
