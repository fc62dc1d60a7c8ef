import { useCallback, useEffect, useState } from 'react'
import { CATALOG } from '../../dialogs/catalog'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { GesprekSummary } from '../../dialogs/contract/http'
import type { CaseloadChild, OtherParentOut } from '../../dialogs/contract/workspace'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { CadenceBadge } from './Caseload'
import { AgeBandField, DevelopmentBandField, LivingField, PhaseField } from './ChildFields'
import { rememberJoin } from './join-memory'
import { ConsentNote, MethodPanel, useMethod } from './Method'
import { ParentsPanel } from './Parents'
import { ChildSignals } from './Signals'
import { ChildTasks } from './Tasks'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'
import type { LangCode } from '../../dialogs/contract/languages'
import { GesprekLanguageSelect, languageNames, useToolLanguages } from './GesprekLanguage'

const today = () => new Date().toISOString().slice(0, 10)

/** One child: who they are, what is due, start a gesprek, the other parent, and every gesprek so far. */
export function ChildPage({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [child, setChild] = useState<CaseloadChild | null>(null)
  const [gesprekken, setGesprekken] = useState<GesprekSummary[]>([])
  const [error, setError] = useState<ErrorCode | null>(null)
  const [evalDay, setEvalDay] = useState(today)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const lng = i18n.language
  const method = useMethod(childId)

  useEffect(() => {
    apiClient.workspace.child(childId).then(setChild, fail)
    apiClient.workspace.gesprekken(childId).then(setGesprekken, fail)
  }, [childId, fail])

  const [lang, setLang] = useState<LangCode>('nl')
  const toolLanguages = useToolLanguages()
  // Every tool that fits the band, read from the catalogue: new tools appear here by themselves. The
  // werkvormen follow the development band when the begeleider set one apart from age.
  const band = child ? (child.developmentBand ?? child.ageBand) : null
  const tools = band ? CATALOG.filter((tool) => tool.ageBands.includes(band) && tool.settings.includes('begeleid')) : []
  const start = (toolId: string) =>
    apiClient.gesprekken.create({ childId, toolId, lang }).then((r) => {
      if (r.join) rememberJoin(r.gesprek.id, r.join)
      go(`/begeleider/gesprek/${r.gesprek.id}`)
    }, fail)

  return (
    <div className="child-page">
      <a className="btn btn--quiet" {...linkProps(go, '/begeleider')}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('common:begeleider.back')}
      </a>
      {child && (
        <>
          <header className="child-head">
            <h1>{child.nickname}</h1>
            <span className="muted">
              {t(`common:begeleider.ageBands.${child.ageBand}`)} · {t(`workspace:phase.${child.phase}`)} ·{' '}
              {t(`workspace:living.${child.living}`)}
            </span>
            <nav className="child-head__links">
              <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/geschiedenis`)}>
                {t('workspace:child.history')}
              </a>
              <a className="btn btn--primary" {...linkProps(go, `/begeleider/kind/${childId}/oudergesprek`)}>
                {t('workspace:child.oudergesprek')}
              </a>
              <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/actieplan`)}>
                {t('workspace:child.actieplan')}
              </a>
              <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/veiligheidsplan`)}>
                {t('workspace:child.veiligheidsplan')}
              </a>
              <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/evaluatie`)}>
                {t('workspace:child.evaluatie')}
              </a>
            </nav>
          </header>
          <ChildSignals childId={childId} go={go} />
          <ChildTasks childId={childId} go={go} />
          <ParentsPanel key={method.version} childId={childId} onSaved={method.reload} go={go} />
          <div className="child-grid">
            <section className="panel">
              <h2>{t('workspace:child.start')}</h2>
              <p className="muted">
                {band === '0-4'
                  ? t('workspace:child.startObserve')
                  : child.developmentBand && child.developmentBand !== child.ageBand
                    ? t('workspace:child.startHintDevelopment', {
                        band: t(`common:begeleider.ageBands.${child.developmentBand}`),
                        age: t(`common:begeleider.ageBands.${child.ageBand}`),
                      })
                    : t('workspace:child.startHint', { band: t(`common:begeleider.ageBands.${child.ageBand}`) })}
              </p>
              <ConsentNote data={method.data} />
              {band !== '0-4' && <GesprekLanguageSelect value={lang} onChange={setLang} />}
              <div className="tool-buttons">
                {tools.map((tool) => (
                  <button
                    key={tool.id}
                    type="button"
                    className="btn btn--primary"
                    disabled={!toolLanguages(tool.id).includes(lang)}
                    onClick={() => void start(tool.id)}
                  >
                    {t(`common:tools.${tool.id}`)}
                  </button>
                ))}
              </div>
              {/* A tool whose current version lacks the chosen language says which it has (ADR 0075). */}
              {tools
                .filter((tool) => toolLanguages(tool.id).length > 0 && !toolLanguages(tool.id).includes(lang))
                .map((tool) => (
                  <p key={tool.id} className="muted" data-testid="tool-not-in-language">
                    {t('workspace:child.notInLanguage', {
                      tool: t(`common:tools.${tool.id}`),
                      languages: languageNames(toolLanguages(tool.id)),
                    })}
                  </p>
                ))}
              {tools.length === 0 && <p className="muted">{t('workspace:child.noTools')}</p>}
              <div className="cadence-block">
                <CadenceBadge
                  label={t(band === '0-4' ? 'workspace:cadence.gesprek04' : 'workspace:cadence.gesprek')}
                  item={child.cadence.gesprek}
                  lng={lng}
                />
                <CadenceBadge label={t('workspace:cadence.oudergesprek')} item={child.cadence.oudergesprek} lng={lng} />
                <CadenceBadge label={t('workspace:cadence.evaluatie')} item={child.cadence.evaluatie} lng={lng} />
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault()
                    apiClient.workspace.evaluationHeld(childId, evalDay).then(setChild, fail)
                  }}
                >
                  <label>
                    {t('workspace:cadence.evaluationHeld')}
                    <input type="date" value={evalDay} max={today()} onChange={(e) => setEvalDay(e.target.value)} />
                  </label>
                  <button type="submit" className="btn btn--soft btn--small">
                    {t('workspace:cadence.recordEvaluation')}
                  </button>
                </form>
              </div>
            </section>
            <Profile
              child={child}
              onSaved={(c) => {
                setChild(c)
                method.reload()
              }}
              onError={fail}
            />
          </div>
          <MethodPanel method={method} ageBand={child.ageBand} lng={lng} start={(id) => void start(id)} />
          <div className="child-grid">
            <section className="panel">
              <h2>{t('workspace:child.timeline')}</h2>
              {gesprekken.length === 0 && <p className="muted">{t('workspace:child.noGesprekken')}</p>}
              <ul className="gesprek-list">
                {gesprekken.map((g) => (
                  <li key={g.id}>
                    <a {...linkProps(go, `/begeleider/gesprek/${g.id}`)}>
                      <span>
                        {t(`common:tools.${g.toolId}`)}{' '}
                        {g.setting === 'kamer' && (
                          <span className="kamer-label" title={t('workspace:child.kamerTitle')}>
                            {t('workspace:child.kamerLabel')}
                          </span>
                        )}
                      </span>
                      <span className="muted">{formatDay(g.createdAt, lng)}</span>
                      <span className={`phase phase--${g.phase}`}>{t(`common:begeleider.phase.${g.phase}`)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
            <OtherParent childId={childId} onError={fail} />
          </div>
        </>
      )}
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </div>
  )
}

function Profile({
  child,
  onSaved,
  onError,
}: {
  child: CaseloadChild
  onSaved: (c: CaseloadChild) => void
  onError: (e: unknown) => void
}) {
  const { t } = useWorkspaceT()
  const [saved, setSaved] = useState(false)
  const save = (patch: Parameters<typeof apiClient.workspace.updateChild>[1]) =>
    apiClient.workspace.updateChild(child.id, patch).then((c) => {
      onSaved(c)
      setSaved(true)
    }, onError)
  return (
    <section className="panel">
      <h2>
        {t('workspace:child.profile')} {saved && <span className="badge">{t('workspace:child.saved')}</span>}
      </h2>
      <div className="stack">
        <PhaseField value={child.phase} onChange={(phase) => void save({ phase })} />
        <LivingField value={child.living} onChange={(living) => void save({ living })} />
        <AgeBandField value={child.ageBand} onChange={(ageBand) => void save({ ageBand })} />
        <DevelopmentBandField
          value={child.developmentBand}
          onChange={(developmentBand) => void save({ developmentBand })}
        />
      </div>
    </section>
  )
}

function OtherParent({ childId, onError }: { childId: string; onError: (e: unknown) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<OtherParentOut | null>(null)
  const [text, setText] = useState('')
  const [agreedOn, setAgreedOn] = useState(today)
  const load = useCallback(() => {
    apiClient.workspace.otherParent(childId).then(setData, onError)
  }, [childId, onError])
  useEffect(load, [load])
  const lng = i18n.language
  return (
    <section className="panel other-parent">
      <h2>{t('workspace:otherParent.title')}</h2>
      <p className="muted">{t('workspace:otherParent.intro')}</p>
      <p className="other-parent__never">{t('workspace:otherParent.never')}</p>
      {data?.current ? (
        <blockquote className="other-parent__current">
          <p>{data.current.text}</p>
          <footer className="muted">
            {formatDay(data.current.agreedOn, lng)} ·{' '}
            {t('workspace:otherParent.recordedBy', {
              name: data.current.recordedBy,
              date: formatDay(data.current.recordedAt, lng),
            })}
          </footer>
        </blockquote>
      ) : (
        <p className="muted">{t('workspace:otherParent.none')}</p>
      )}
      {data && data.earlier.length > 0 && (
        <details>
          <summary>{t('workspace:otherParent.earlier', { count: data.earlier.length })}</summary>
          <ul>
            {data.earlier.map((r) => (
              <li key={r.recordedAt}>
                {formatDay(r.agreedOn, lng)}: {r.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          apiClient.workspace.addOtherParent(childId, { text, agreedOn }).then((d) => {
            setData(d)
            setText('')
          }, onError)
        }}
      >
        <label>
          {t('workspace:otherParent.text')}
          <textarea value={text} rows={3} maxLength={2000} onChange={(e) => setText(e.target.value)} required />
        </label>
        <div className="inline-form">
          <label>
            {t('workspace:otherParent.agreedOn')}
            <input type="date" value={agreedOn} onChange={(e) => setAgreedOn(e.target.value)} required />
          </label>
          <button type="submit" className="btn btn--soft">
            {t('workspace:otherParent.record')}
          </button>
        </div>
      </form>
    </section>
  )
}
