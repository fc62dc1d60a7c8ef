import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import type { ToolsOverviewOut } from '../../../dialogs/contract/tool-version'
import { formatDay, useWorkspaceT } from '../words'
import { ToolEditor } from './ToolEditor'
import { toolApi, ToolApiError } from './tool-api'
import { VersionCompare } from './VersionCompare'
import './tools.css'

/**
 * /begeleider/beheer/gesprekken: the organisation's own versions of its tools (docs/tools/editing.md).
 * Per tool: every version with who published it, when and why, how many gesprekken use it, withdraw,
 * reinstate, delete, export and import; and the editor for the draft.
 */
export default function ToolsPage() {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<ToolsOverviewOut | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const [comparing, setComparing] = useState<{ toolId: string; from: number; to: number } | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ToolApiError ? e.code : 'internal'), [])
  const load = useCallback(() => {
    toolApi.overview().then(setData, fail)
  }, [fail])
  useEffect(load, [load])

  const act = (change: Promise<unknown>) => {
    setError(null)
    change.then(load, fail)
  }
  const importFile = (toolId: string, file: File) => {
    setError(null)
    void file.text().then((raw) => toolApi.importFile(toolId, raw).then(() => setEditing(toolId), fail))
  }

  if (editing)
    return (
      <ToolEditor
        toolId={editing}
        onClose={() => {
          setEditing(null)
          load()
        }}
      />
    )
  if (!data)
    return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p className="muted">{t('common:loading')}</p>
  return (
    <div className="tools-page">
      <h1>{t('workspace:tools.title')}</h1>
      <p className="muted">{t('workspace:tools.intro')}</p>
      <p role="status">{error && <span className="form-error">{t(`errors:${error}`)}</span>}</p>
      {data.tools.map((tool) => (
        <section className="panel" key={tool.toolId} data-testid={`tool-${tool.toolId}`}>
          <header className="tools-page__head">
            <h2>
              {t(`common:tools.${tool.toolId}`)}
              {tool.textsOnly && <span className="badge">{t('workspace:tools.textsOnly')}</span>}
            </h2>
            <button type="button" className="btn btn--primary" onClick={() => setEditing(tool.toolId)}>
              {tool.hasDraft ? t('workspace:tools.continueDraft') : t('workspace:tools.edit')}
            </button>
            <label className="btn btn--quiet">
              {t('workspace:tools.import')}
              <input
                type="file"
                accept="application/json,.json"
                className="visually-hidden"
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  if (file) importFile(tool.toolId, file)
                }}
              />
            </label>
          </header>
          <table className="table">
            <thead>
              <tr>
                <th>{t('workspace:tools.version')}</th>
                <th>{t('workspace:tools.published')}</th>
                <th>{t('workspace:tools.languages')}</th>
                <th>{t('workspace:tools.inUse')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tool.versions.map((v) => (
                <tr key={v.version} className={v.withdrawnAt ? 'is-inactive' : ''}>
                  <td>
                    <strong>{v.version}</strong>
                    {v.builtin && <span className="badge">{t('workspace:tools.builtin')}</span>}
                    {v.current && <span className="badge badge--ok">{t('workspace:tools.current')}</span>}
                    {v.withdrawnAt && <span className="badge">{t('workspace:tools.withdrawn')}</span>}
                  </td>
                  <td>
                    {v.publishedAt ? (
                      <>
                        {formatDay(v.publishedAt, i18n.language)} · {v.publishedBy}
                        {v.note && <div className="muted">{v.note}</div>}
                      </>
                    ) : (
                      <span className="muted">{t('workspace:tools.builtinHint')}</span>
                    )}
                  </td>
                  <td className="tools-page__langs">{v.languages.join(' · ')}</td>
                  <td>{t('workspace:tools.gesprekken', { count: v.gesprekken })}</td>
                  <td className="table__actions">
                    {v.version > 1 && (
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        onClick={() => setComparing({ toolId: tool.toolId, from: v.version - 1, to: v.version })}
                      >
                        {t('workspace:tools.compare')}
                      </button>
                    )}
                    {v.withdrawnAt ? (
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        onClick={() => act(toolApi.reinstate(tool.toolId, v.version))}
                      >
                        {t('workspace:tools.reinstate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        onClick={() => act(toolApi.withdraw(tool.toolId, v.version))}
                      >
                        {t('workspace:tools.withdraw')}
                      </button>
                    )}
                    {v.withdrawnAt && !v.builtin && v.gesprekken === 0 && (
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        onClick={() => act(toolApi.remove(tool.toolId, v.version))}
                      >
                        {t('workspace:tools.delete')}
                      </button>
                    )}
                    <a
                      className="btn btn--quiet btn--small"
                      href={`/begeleider/stemmen/${tool.toolId}${v.version > 1 ? `?versie=${v.version}` : ''}`}
                    >
                      {t('workspace:tools.voices')}
                    </a>
                    <a
                      className="btn btn--quiet btn--small"
                      href={`/api/tool-versions/${tool.toolId}/versions/${v.version}/export`}
                      download={`${tool.toolId}-v${v.version}.json`}
                    >
                      {t('workspace:tools.export')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {comparing?.toolId === tool.toolId && <VersionCompare {...comparing} onClose={() => setComparing(null)} />}
        </section>
      ))}
    </div>
  )
}
