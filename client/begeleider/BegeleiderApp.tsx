import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../dialogs/contract/http'
import { apiClient } from '../net/api-client'
import { Beheer } from './Beheer'
import { Caseload } from './Caseload'
import { ChildPage } from './ChildPage'
import { FamilyOudergesprek } from './FamilyOudergesprek'
import { Handout } from './Handout'
import { Ouderfolder } from './Ouderfolder'
import { History } from './History'
import { LiveGesprek } from './LiveGesprek'
import { Login } from './Login'
import { Oudergesprek } from './Oudergesprek'
import { KamerNotice } from './KamerNotice'
import { MyPicture } from './MyPicture'
import { Actieplan } from './plans/Actieplan'
import { Evaluatie } from './plans/Evaluatie'
import { PlanSheet } from './plans/PlanSheet'
import { Veiligheidsplan } from './plans/Veiligheidsplan'
import { linkProps, useRoute } from './router'
import { VoicesPage } from './voices/VoicesPage'
import './workspace.css'
import { WORKSPACE_LANGUAGES } from '../../dialogs/contract/languages'
import { LanguagePicker } from '../ui/LanguagePicker'

// The tool editor and its preview (the machine builder, xstate) load only for the admin who opens them.
const ToolsPage = lazy(() => import('./beheer/ToolsPage'))
const PreviewFrame = lazy(() => import('./beheer/PreviewFrame'))

export default function BegeleiderApp() {
  const { t } = useTranslation(['common', 'workspace'])
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [route, go] = useRoute()
  const loadMe = useCallback(() => {
    apiClient.auth.session().then(
      (r) => setMe(r.me),
      () => setMe(null),
    )
  }, [])
  useEffect(loadMe, [loadMe])
  useEffect(() => {
    document.title = t('begeleider.title')
  }, [t])

  if (me === undefined) return <p className="muted">{t('loading')}</p>
  if (me === null) return <Login onLoggedIn={loadMe} />
  // The print page is the sheet alone: no bar, no menus.
  if (route.name === 'handout') return <Handout key={route.childId} childId={route.childId} go={go} />
  if (route.name === 'ouderfolder') return <Ouderfolder key={route.childId} childId={route.childId} go={go} />
  if (route.name === 'actieplanSheet' || route.name === 'veiligheidsplanSheet')
    return (
      <PlanSheet
        key={route.name + route.childId}
        childId={route.childId}
        kind={route.name === 'actieplanSheet' ? 'actieplan' : 'veiligheidsplan'}
        go={go}
      />
    )
  // The tool preview is the child's phone alone, inside the editor's frame.
  if (route.name === 'toolPreview' && me.role === 'admin')
    return (
      <Suspense fallback={<p className="loading">…</p>}>
        <PreviewFrame />
      </Suspense>
    )
  const logout = (everywhere: boolean) =>
    void (everywhere ? apiClient.auth.logoutEverywhere() : apiClient.auth.logout()).finally(() => setMe(null))
  return (
    <div className="app app--begeleider">
      <header className="topbar">
        <a className="topbar__home" {...linkProps(go, '/begeleider')}>
          {me.organisation} · {me.team}
        </a>
        {me.role === 'admin' && (
          <a className="btn btn--quiet" {...linkProps(go, '/begeleider/beheer')}>
            {t('workspace:account.beheer')}
          </a>
        )}
        <a className="btn btn--quiet" {...linkProps(go, '/begeleider/stemmen')}>
          {t('workspace:voices.link')}
        </a>
        <LanguagePicker only={WORKSPACE_LANGUAGES} />
        <span className="topbar__me">{me.displayName}</span>
        <MyPicture picture={me.picture} onChange={loadMe} />
        <button type="button" className="btn btn--quiet" onClick={() => logout(false)}>
          {t('begeleider.logout')}
        </button>
        <button
          type="button"
          className="btn btn--quiet btn--small"
          title={t('workspace:account.logoutEverywhereHint')}
          onClick={() => logout(true)}
        >
          {t('workspace:account.logoutEverywhere')}
        </button>
      </header>
      <main className="workspace">
        {route.name === 'caseload' && <Caseload go={go} team={me.team} />}
        {route.name === 'beheer' && me.role === 'admin' && <Beheer meId={me.id} go={go} />}
        {route.name === 'tools' && me.role === 'admin' && (
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <ToolsPage />
          </Suspense>
        )}
        {route.name === 'voices' && <VoicesPage key={route.toolId} toolId={route.toolId} go={go} />}
        {route.name === 'child' && <ChildPage key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'history' && <History key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'oudergesprek' && <Oudergesprek key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'family' && <FamilyOudergesprek key={route.familyId} familyId={route.familyId} go={go} />}
        {route.name === 'actieplan' && <Actieplan key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'veiligheidsplan' && <Veiligheidsplan key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'evaluatie' && <Evaluatie key={route.childId} childId={route.childId} go={go} />}
        {route.name === 'gesprek' && <LiveGesprek key={route.gesprekId} gesprekId={route.gesprekId} go={go} />}
        <KamerNotice route={route} go={go} />
      </main>
    </div>
  )
}
