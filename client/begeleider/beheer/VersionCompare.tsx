import { useEffect, useState } from 'react'
import type { VersionChanges, VersionOut } from '../../../dialogs/contract/tool-version'
import { useWorkspaceT } from '../words'
import { toolApi } from './tool-api'

/** Two versions side by side: the steps of each, and per text what it was and what it is (Dutch). */
export function VersionCompare({
  toolId,
  from,
  to,
  onClose,
}: {
  toolId: string
  from: number
  to: number
  onClose: () => void
}) {
  const { t } = useWorkspaceT()
  const [data, setData] = useState<{ changes: VersionChanges; a: VersionOut; b: VersionOut } | null>(null)
  useEffect(() => {
    void Promise.all([
      toolApi.compare(toolId, from, to),
      toolApi.version(toolId, from),
      toolApi.version(toolId, to),
    ]).then(([changes, a, b]) => setData({ changes, a, b }), onClose)
  }, [toolId, from, to, onClose])
  if (!data) return <p className="muted">{t('common:loading')}</p>
  const nl = data.changes.texts.find((x) => x.lang === 'nl')
  const was = data.a.doc.texts.nl ?? {}
  const is = data.b.doc.texts.nl ?? {}
  return (
    <div className="version-compare" data-testid="version-compare">
      <h3>{t('workspace:tools.compareTitle', { from, to })}</h3>
      <p>
        <strong>{t('workspace:tools.steps')}:</strong> {data.changes.steps.from.join(' → ')}
        <br />
        <strong>→</strong> {data.changes.steps.to.join(' → ')}
      </p>
      <table className="table">
        <tbody>
          {[...(nl?.changed ?? []), ...(nl?.added ?? []), ...(nl?.removed ?? [])].map((key) => (
            <tr key={key}>
              <td className="muted">{key}</td>
              <td>{was[key] ?? '—'}</td>
              <td>{is[key] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {data.changes.texts
          .filter((x) => x.lang !== 'nl')
          .map((x) => `${x.lang}: ${x.changed.length + x.added.length + x.removed.length}`)
          .join(' · ')}
      </p>
      <button type="button" className="btn btn--quiet btn--small" onClick={onClose}>
        {t('workspace:tools.close')}
      </button>
    </div>
  )
}
