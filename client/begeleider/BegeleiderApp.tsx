import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../dialogs/contract/http'
import { api } from '../net/api'
import { Caseload } from './Caseload'
import { ChildPage } from './ChildPage'
import { LiveGesprek } from './LiveGesprek'
import { Login } from './Login'
import { useRoute } from './router'

export default function BegeleiderApp() {
  const { t } = useTranslation()
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [route, go] = useRoute()
  const loadMe = useCallback(() => {
    api<Me>('/api/auth/me').then(setMe, () => setMe(null))
  }, [])
  useEffect(loadMe, [loadMe])
  useEffect(() => {
    document.title = t('begeleider.title')
  }, [t])

  if (me === undefined) return <p className="muted">{t('loading')}</p>
  if (me === null) return <Login onLoggedIn={loadMe} />
  return (
    <div className="app app--begeleider">
      <header className="topbar">
        <a
          href="/begeleider"
          className="topbar__home"
          onClick={(e) => {
            e.preventDefault()
            go('/begeleider')
          }}
        >
          {me.organisation} · {me.team}
        </a>
        <span className="topbar__me">{me.displayName}</span>
        <button
          type="button"
          className="btn btn--quiet"
          onClick={() => void api('/api/auth/logout', { method: 'POST', body: {} }).finally(() => setMe(null))}
        >
          {t('begeleider.logout')}
        </button>
      </header>
      <main className="workspace">
        {route.name === 'caseload' && <Caseload go={go} />}
        {route.name === 'child' && <ChildPage key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'gesprek' && <LiveGesprek key={route.gesprekId} gesprekId={route.gesprekId} go={go} />}
      </main>
    </div>
  )
}
