import { Hono } from 'hono'
import * as z from 'zod'
import { CodedError } from '../../../dialogs/contract/errors'
import {
  GesprekToolOut,
  MAX_TOOL_FILE_BYTES,
  PublishBody,
  PublishOut,
  SaveDraftBody,
  type ToolsOverviewOut,
} from '../../../dialogs/contract/tool-version'
import { gesprekFor } from '../../auth/access'
import type { Deps } from '../../deps'
import { EDITABLE_TOOLS, textsOnlyKeys } from '../../tools/builtin'
import { compareVersions } from '../../tools/compare'
import { exportFile, importFile } from '../../tools/file'
import { gesprekToolOut } from '../../tools/gesprek-tool'
import {
  discardDraft,
  hasDraft,
  draftFrom,
  editableTool,
  listVersions,
  loadDraft,
  publish,
  reinstate,
  removeVersion,
  saveDraft,
  ToolProblemsError,
  versionDoc,
  withdraw,
  type Scope,
} from '../../tools/versions'
import { body, requireAdmin, requireBegeleider, requireKind, type Ctx, type Env } from '../context'

const VersionNumber = z.coerce.number().int().min(1).max(100000)
const versionParam = (c: Ctx) => {
  const v = VersionNumber.safeParse(c.req.param('version'))
  if (!v.success) throw new CodedError('not_found', 404)
  return v.data
}

/**
 * /api/tool-versions: an organisation's own versions of its tools (ADR 0075, docs/protocol.md).
 * Reading and comparing versions: any begeleider of the organisation. Editing, publishing, withdrawing,
 * deleting, export and import: its admins only. Every query is scoped to the caller's organisation.
 */
export function toolVersionRoutes(deps: Deps) {
  const admin = async (c: Ctx): Promise<Scope> => {
    const p = await requireAdmin(c)
    return { organisationId: p.organisationId, actorId: p.begeleiderId }
  }
  const reader = async (c: Ctx): Promise<Scope> => {
    const p = await requireBegeleider(c)
    return { organisationId: p.organisationId, actorId: p.begeleiderId }
  }
  const tool = (c: Ctx) => editableTool(c.req.param('toolId') ?? '')

  const app = new Hono<Env>()
  // A refused document answers with where it breaks a rule (ids and keys, never a text).
  app.onError((err, c) => {
    if (err instanceof ToolProblemsError) return c.json({ error: err.code, problems: err.problems }, 422)
    throw err
  })
  return app
    .get('/', async (c) => {
      const s = await reader(c)
      const tools = await Promise.all(
        EDITABLE_TOOLS.map(async (toolId) => ({
          toolId,
          editable: true,
          textsOnly: textsOnlyKeys(toolId) !== undefined,
          versions: await listVersions(deps, s.organisationId, toolId),
          hasDraft: await hasDraft(deps, s.organisationId, toolId),
        })),
      )
      const out: ToolsOverviewOut = { tools }
      return c.json(out)
    })
    .get('/:toolId/versions', async (c) => {
      const s = await reader(c)
      return c.json({ versions: await listVersions(deps, s.organisationId, tool(c)) })
    })
    .get('/:toolId/versions/:version', async (c) => {
      const s = await reader(c)
      const toolId = tool(c)
      const version = versionParam(c)
      const summary = (await listVersions(deps, s.organisationId, toolId)).find((v) => v.version === version)
      if (!summary) throw new CodedError('not_found', 404)
      return c.json({ summary, doc: await versionDoc(deps, s.organisationId, toolId, version) })
    })
    .get('/:toolId/compare', async (c) => {
      const s = await reader(c)
      const from = VersionNumber.safeParse(c.req.query('from'))
      const to = VersionNumber.safeParse(c.req.query('to'))
      if (!from.success || !to.success) throw new CodedError('invalid_payload', 400)
      const toolId = tool(c)
      const [a, b] = await Promise.all([
        versionDoc(deps, s.organisationId, toolId, from.data),
        versionDoc(deps, s.organisationId, toolId, to.data),
      ])
      return c.json(compareVersions(a, b))
    })
    .get('/:toolId/draft', async (c) => c.json(await loadDraft(deps, await admin(c), tool(c))))
    .put('/:toolId/draft', async (c) => {
      const s = await admin(c)
      const { doc } = await body(c, SaveDraftBody)
      return c.json(await saveDraft(deps, s, tool(c), doc))
    })
    .delete('/:toolId/draft', async (c) => {
      await discardDraft(deps, await admin(c), tool(c))
      return c.json({ ok: true })
    })
    .post('/:toolId/draft/from/:version', async (c) => {
      const s = await admin(c)
      return c.json(await draftFrom(deps, s, tool(c), versionParam(c)))
    })
    .post('/:toolId/publish', async (c) => {
      const s = await admin(c)
      const { note } = await body(c, PublishBody)
      return c.json(PublishOut.parse(await publish(deps, s, tool(c), note)), 201)
    })
    .post('/:toolId/versions/:version/withdraw', async (c) => {
      await withdraw(deps, await admin(c), tool(c), versionParam(c))
      return c.json({ ok: true })
    })
    .post('/:toolId/versions/:version/reinstate', async (c) => {
      await reinstate(deps, await admin(c), tool(c), versionParam(c))
      return c.json({ ok: true })
    })
    .delete('/:toolId/versions/:version', async (c) => {
      await removeVersion(deps, await admin(c), tool(c), versionParam(c))
      return c.json({ ok: true })
    })
    .get('/:toolId/versions/:version/export', async (c) => {
      const s = await admin(c)
      const toolId = tool(c)
      const version = versionParam(c)
      const file = await exportFile(deps, s, toolId, version)
      c.header('content-disposition', `attachment; filename="${toolId}-v${version}.json"`)
      return c.json(file)
    })
    .post('/:toolId/import', async (c) => {
      const s = await admin(c)
      const toolId = tool(c)
      const length = Number(c.req.header('content-length') ?? 0)
      if (length > MAX_TOOL_FILE_BYTES) throw new CodedError('payload_too_large', 413)
      return c.json(await importFile(deps, s, toolId, await c.req.text()))
    })
}

/** The tool version a gesprek runs on, for the begeleider's screens (GET /api/gesprek-tool/:gesprekId). */
export function gesprekToolRoutes(deps: Deps) {
  return new Hono<Env>().get('/:gesprekId', async (c) => {
    const p = await requireBegeleider(c)
    const row = await gesprekFor(deps, p, c.req.param('gesprekId'))
    return c.json(GesprekToolOut.parse(await gesprekToolOut(deps, row.id)))
  })
}

/** The same for the child's device (GET /api/kind/tool): only its own gesprek's. */
export function kindToolRoutes(deps: Deps) {
  return new Hono<Env>().get('/', async (c) => {
    const p = await requireKind(c)
    if (!p.gesprekId) throw new CodedError('not_found', 404)
    const row = await gesprekFor(deps, p, p.gesprekId)
    return c.json(GesprekToolOut.parse(await gesprekToolOut(deps, row.id)))
  })
}
