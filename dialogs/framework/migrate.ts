import type { ToolDef } from './tool'

type Migration = NonNullable<ToolDef['migrations']>[string]

type Persisted = {
  value?: unknown
  historyValue?: Record<string, { id: string }[]>
  context?: { items?: { stepId: string }[]; skipped?: string[] }
}

/**
 * A migration for the most common change to a tool's states: steps renamed, merged or removed.
 * `renames` maps an old step id to the step that takes its place (the same id may appear twice to
 * merge). Rewrites where the gesprek is (`actief.<step>` and the history a pause returns to), the
 * items' step and the skipped list, so a gesprek in progress resumes on the step that replaced its
 * own (docs/decisions/0004-tool-versions.md).
 */
export function renameSteps(toolId: string, toVersion: string, renames: Readonly<Record<string, string>>): Migration {
  const rename = (stepId: string) => renames[stepId] ?? stepId
  const prefix = `${toolId}.actief.`
  return (raw) => {
    // A persisted snapshot is JSON (it is stored as JSON), so a JSON round trip is a full copy.
    const s = JSON.parse(JSON.stringify(raw)) as Persisted
    if (s.value && typeof s.value === 'object' && 'actief' in s.value) {
      const v = s.value as { actief: string }
      s.value = { actief: rename(v.actief) }
    }
    for (const nodes of Object.values(s.historyValue ?? {}))
      for (const node of nodes) if (node.id.startsWith(prefix)) node.id = prefix + rename(node.id.slice(prefix.length))
    if (s.context?.items) s.context.items = s.context.items.map((i) => ({ ...i, stepId: rename(i.stepId) }))
    if (s.context?.skipped) s.context.skipped = [...new Set(s.context.skipped.map(rename))]
    return { snapshot: s, version: toVersion }
  }
}
