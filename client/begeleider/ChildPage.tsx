import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CATALOG } from '../../dialogs/catalog'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { ChildSummary, GesprekSummary, JoinCodeOut } from '../../dialogs/contract/http'
import { api, ApiError } from '../net/api'
import { rememberJoin } from './join-memory'

export function ChildPage({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t } = useTranslation(['common', 'errors'])
  const [child, setChild] = useState<ChildSummary | null>(null)
  const [gesprekken, setGesprekken] = useState<GesprekSummary[]>([])
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  useEffect(() => {
    api<ChildSummary>(`/api/children/${childId}`).then(setChild, fail)
    api<GesprekSummary[]>(`/api/children/${childId}/gesprekken`).then(setGesprekken, fail)
  }, [childId])

  const tools = child
    ? CATALOG.filter((tool) => tool.ageBands.includes(child.ageBand) && tool.settings.includes('begeleid'))
    : []
  const start = (toolId: string) =>
    api<{ gesprek: GesprekSummary; join: JoinCodeOut | null }>('/api/gesprekken', { body: { childId, toolId } }).then(
      (r) => {
        if (r.join) rememberJoin(r.gesprek.id, r.join)
        go(`/begeleider/gesprek/${r.gesprek.id}`)
      },
      fail,
    )

  return (
    <div className="child-page">
      <button type="button" className="btn btn--quiet" onClick={() => go('/begeleider')}>
        ← {t('begeleider.back')}
      </button>
      {child && (
        <h1>
          {child.nickname} <span className="muted">· {t(`begeleider.ageBands.${child.ageBand}`)}</span>
        </h1>
      )}
      <section className="panel">
        <h2>{t('begeleider.startGesprek')}</h2>
        <div className="tool-buttons">
          {tools.map((tool) => (
            <button key={tool.id} type="button" className="btn btn--primary" onClick={() => void start(tool.id)}>
              {t(`tools.${tool.id}`)}
            </button>
          ))}
        </div>
      </section>
      <section className="panel">
        <h2>{t('begeleider.gesprekken')}</h2>
        {gesprekken.length === 0 && <p className="muted">{t('begeleider.noGesprekken')}</p>}
        <ul className="gesprek-list">
          {gesprekken.map((g) => (
            <li key={g.id}>
              <a
                href={`/begeleider/gesprek/${g.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  go(`/begeleider/gesprek/${g.id}`)
                }}
              >
                <span>{t(`tools.${g.toolId}`)}</span>
                <span className="muted">{new Date(g.createdAt).toLocaleString()}</span>
                <span className={`phase phase--${g.phase}`}>{t(`begeleider.phase.${g.phase}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </div>
  )
}
