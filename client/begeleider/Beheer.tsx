import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { BeheerOut } from '../../dialogs/contract/workspace'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import type { Act } from './beheer/act'
import { Children } from './beheer/Children'
import { People } from './beheer/People'
import { Teams } from './beheer/Teams'
import { linkProps } from './router'
import { useWorkspaceT } from './words'

/**
 * /begeleider/beheer: teams, accounts and warm handovers of the admin's own organisation. Each area
 * is its own file in ./beheer/; this page loads the overview and keeps the one status line.
 */
export function Beheer({ meId, go }: { meId: string; go: (path: string) => void }) {
  const { t } = useWorkspaceT()
  const [data, setData] = useState<BeheerOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(() => {
    apiClient.beheer.overview().then(setData, fail)
  }, [fail])
  useEffect(load, [load])
  const act: Act = (call, message) => {
    setError(null)
    setDone(null)
    return call().then(
      () => {
        setDone(message ?? t('workspace:beheer.done'))
        load()
        return true
      },
      (e: unknown) => {
        fail(e)
        return false
      },
    )
  }
  if (!data)
    return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p className="muted">{t('common:loading')}</p>

  return (
    <div className="beheer">
      <h1>{t('workspace:beheer.title', { org: data.organisation })}</h1>
      <a className="btn" {...linkProps(go, '/begeleider/beheer/gesprekken')}>
        {t('workspace:tools.link')}
      </a>
      <p role="status" className="beheer__status">
        {error && <span className="form-error">{t(`errors:${error}`)}</span>}
        {done && !error && <span className="muted">{done}</span>}
      </p>
      <div className="beheer__grid">
        <People data={data} meId={meId} act={act} />
        <Teams teams={data.teams} act={act} />
      </div>
      <Children
        data={data}
        act={act}
        onError={fail}
        onExported={(message) => {
          setError(null)
          setDone(message)
        }}
      />
    </div>
  )
}
