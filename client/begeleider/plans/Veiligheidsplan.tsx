import { useEffect, useEffectEvent, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import {
  AGREERS,
  type ChildLine,
  type CitedItem,
  type SafetyFlag,
  type VeiligheidsplanOut,
} from '../../../dialogs/contract/plans'
import { ApiError } from '../../net/api'
import { apiClient } from '../../net/api-client'
import { pictureUrl } from '../../ui/pictures'
import { linkProps } from '../router'
import { formatDay, useWorkspaceT, withToolLabels } from '../words'
import { Cited, citeKey, today } from './Cited'
import './plans.css'

/** Pictures a child version can use: calm, concrete things, never a frightening one. */
export const CHILD_PICTURES = ['home', 'help', 'heart', 'family', 'school', 'bed', 'phone', 'calm', 'friends', 'star']

type Plan = VeiligheidsplanOut['plan']
type Who = (typeof AGREERS)[number]

/**
 * The veiligheidsplan [000:700-706, 2657-2663]: worries, what must happen, who does what, and a version for
 * the child in pictures and short sentences. Drafted from the Stoplicht's "wat heb je nodig", the kamer's
 * safety module and the network flags; agreed with parent, child and begeleider (who, when).
 */
export function Veiligheidsplan({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<VeiligheidsplanOut | null>(null)
  const [plan, setPlan] = useState<Plan | null>(null)
  const [saved, setSaved] = useState(false)
  const [agreeOn, setAgreeOn] = useState(today)
  const [error, setError] = useState<ErrorCode | null>(null)
  /** Counts the saves: each one loads the plan again, as the server stored it. */
  const [loads, setLoads] = useState(0)
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  // The draft's lines are written in the language of the moment they arrive; a later language switch
  // does not load the plan again (that would throw away what is being edited).
  const show = useEffectEvent((d: VeiligheidsplanOut) => {
    setData(withToolLabels(d))
    // A first plan starts from the draft: every safety answer cited, every begeleider flag a line.
    setPlan(d.updatedAt ? d.plan : { ...d.plan, citations: d.draft.answers, mustHappen: flagLines(d.draft.flags) })
  })
  const failed = useEffectEvent(fail)
  useEffect(() => {
    apiClient.plans.veiligheidsplan(childId).then(show, failed)
  }, [childId, loads])

  const flagLines = (flags: SafetyFlag[]) =>
    flags
      .filter((f) => f.from === 'begeleider')
      .flatMap((f) =>
        f.flags.map((flag) => t(`workspace:plans.veiligheidsplan.flagLine.${flag}`, { person: f.person })),
      )

  if (!data || !plan) return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p>{t('common:loading')}</p>
  const name = data.child.nickname
  const edit = (patch: Partial<Plan>) => {
    setSaved(false)
    setPlan({ ...plan, ...patch })
  }
  const cited = new Set(plan.citations.map(citeKey))
  const toggle = (c: CitedItem) =>
    edit({
      citations: cited.has(citeKey(c))
        ? plan.citations.filter((x) => citeKey(x) !== citeKey(c))
        : [...plan.citations, c],
    })
  const suggestChild = (): ChildLine[] => [
    { picture: 'home', text: t('workspace:plans.veiligheidsplan.childDefault.safe') },
    ...plan.whoDoesWhat.slice(0, 6).map((w) => ({ picture: 'help', text: `${w.who}: ${w.what}`.slice(0, 140) })),
    { picture: 'heart', text: t('workspace:plans.veiligheidsplan.childDefault.tell') },
  ]
  const incomplete =
    [...plan.worries, ...plan.mustHappen].some((l) => l.trim() === '') ||
    plan.whoDoesWhat.some((w) => !w.who.trim() || !w.what.trim()) ||
    plan.childVersion.some((l) => !l.text.trim())
  const save = () => {
    setError(null)
    apiClient.plans
      .saveVeiligheidsplan(childId, {
        ...plan,
        citations: plan.citations.map((c) => ({ gesprekId: c.gesprekId, itemId: c.item.id })),
      })
      .then(() => {
        setSaved(true)
        setLoads((n) => n + 1)
      }, fail)
  }
  const agreed = (who: Who) => plan.agreements.filter((a) => a.who === who).at(-1)

  return (
    <div className="plan-page">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('workspace:plans.backTo', { name })}
      </a>
      <header className="plan-head">
        <h1>{t('workspace:plans.veiligheidsplan.title', { name })}</h1>
        <p className="muted">{t('workspace:plans.veiligheidsplan.intro')}</p>
        {data.updatedAt ? (
          <p className="muted">
            {t('workspace:plans.updated', { name: data.updatedBy, date: formatDay(data.updatedAt, i18n.language) })}
          </p>
        ) : (
          <p className="badge">{t('workspace:plans.veiligheidsplan.drafted')}</p>
        )}
      </header>
      <div className="plan-grid">
        <div className="stack">
          <Lines
            title={t('workspace:plans.veiligheidsplan.worries')}
            hint={t('workspace:plans.veiligheidsplan.worriesHint')}
            lines={plan.worries}
            onChange={(worries) => edit({ worries })}
          />
          <Lines
            title={t('workspace:plans.veiligheidsplan.mustHappen')}
            hint={t('workspace:plans.veiligheidsplan.mustHappenHint')}
            lines={plan.mustHappen}
            onChange={(mustHappen) => edit({ mustHappen })}
          />
          <section className="panel">
            <h2>{t('workspace:plans.veiligheidsplan.whoDoesWhat')}</h2>
            {plan.whoDoesWhat.map((w, i) => (
              <div key={i} className="who-what">
                <input
                  aria-label={t('workspace:plans.veiligheidsplan.who')}
                  placeholder={t('workspace:plans.veiligheidsplan.who')}
                  value={w.who}
                  maxLength={60}
                  onChange={(e) =>
                    edit({ whoDoesWhat: plan.whoDoesWhat.map((x, j) => (j === i ? { ...x, who: e.target.value } : x)) })
                  }
                />
                <input
                  aria-label={t('workspace:plans.veiligheidsplan.what')}
                  placeholder={t('workspace:plans.veiligheidsplan.what')}
                  value={w.what}
                  maxLength={500}
                  onChange={(e) =>
                    edit({
                      whoDoesWhat: plan.whoDoesWhat.map((x, j) => (j === i ? { ...x, what: e.target.value } : x)),
                    })
                  }
                />
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  onClick={() => edit({ whoDoesWhat: plan.whoDoesWhat.filter((_, j) => j !== i) })}
                >
                  {t('workspace:plans.removeLine')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="btn btn--soft btn--small"
              onClick={() => edit({ whoDoesWhat: [...plan.whoDoesWhat, { who: '', what: '' }] })}
            >
              {t('workspace:plans.addLine')}
            </button>
          </section>
          <section className="panel" aria-labelledby="child-version">
            <h2 id="child-version">{t('workspace:plans.veiligheidsplan.childVersion', { name })}</h2>
            <p className="muted">{t('workspace:plans.veiligheidsplan.childVersionHint')}</p>
            {plan.childVersion.map((l, i) => (
              <div key={i} className="child-line" data-testid="child-line">
                <img src={pictureUrl(l.picture)} alt="" width={40} height={40} />
                <select
                  aria-label={t('workspace:plans.veiligheidsplan.picture')}
                  value={l.picture}
                  onChange={(e) =>
                    edit({
                      childVersion: plan.childVersion.map((x, j) => (j === i ? { ...x, picture: e.target.value } : x)),
                    })
                  }
                >
                  {CHILD_PICTURES.map((p) => (
                    <option key={p} value={p}>
                      {t(`common:pictures.${p}`, { defaultValue: p })}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={t('workspace:plans.veiligheidsplan.sentence')}
                  value={l.text}
                  maxLength={140}
                  onChange={(e) =>
                    edit({
                      childVersion: plan.childVersion.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)),
                    })
                  }
                />
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  onClick={() => edit({ childVersion: plan.childVersion.filter((_, j) => j !== i) })}
                >
                  {t('workspace:plans.removeLine')}
                </button>
              </div>
            ))}
            <div className="plan-actions">
              {plan.childVersion.length === 0 && (
                <button
                  type="button"
                  className="btn btn--soft btn--small"
                  onClick={() => edit({ childVersion: suggestChild() })}
                >
                  {t('workspace:plans.veiligheidsplan.suggestChild')}
                </button>
              )}
              <button
                type="button"
                className="btn btn--soft btn--small"
                disabled={plan.childVersion.length >= 10}
                onClick={() => edit({ childVersion: [...plan.childVersion, { picture: 'heart', text: '' }] })}
              >
                {t('workspace:plans.addLine')}
              </button>
            </div>
          </section>
          <section className="panel" aria-labelledby="agreed">
            <h2 id="agreed">{t('workspace:plans.veiligheidsplan.agreed')}</h2>
            <p className="muted">{t('workspace:plans.veiligheidsplan.agreedHint')}</p>
            <label className="inline-form">
              {t('workspace:plans.veiligheidsplan.agreedOn')}
              <input type="date" value={agreeOn} max={today()} onChange={(e) => setAgreeOn(e.target.value)} />
            </label>
            <ul className="agree-list">
              {AGREERS.map((who) => {
                const a = agreed(who)
                return (
                  <li key={who}>
                    <span>{t(`workspace:plans.veiligheidsplan.agreer.${who}`)}</span>
                    {a ? (
                      <span className="badge">
                        {t('workspace:plans.veiligheidsplan.agreedAt', { date: formatDay(a.on, i18n.language) })}
                      </span>
                    ) : (
                      <span className="muted">{t('workspace:plans.veiligheidsplan.notYet')}</span>
                    )}
                    <button
                      type="button"
                      className="btn btn--soft btn--small"
                      onClick={() => edit({ agreements: [...plan.agreements, { who, on: agreeOn }].slice(-12) })}
                    >
                      {t('workspace:plans.veiligheidsplan.agree')}
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>
          <div className="plan-actions">
            <button type="button" className="btn btn--primary" disabled={incomplete} onClick={save}>
              {t('workspace:plans.save')}
            </button>
            {saved && <span className="badge">{t('workspace:child.saved')}</span>}
            <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/veiligheidsplan/afdruk`)}>
              {t('workspace:plans.printForParent')}
            </a>
          </div>
          {error && <p className="form-error">{t(`errors:${error}`)}</p>}
        </div>
        <section className="panel" aria-labelledby="drafted-from">
          <h2 id="drafted-from">{t('workspace:plans.veiligheidsplan.from', { name })}</h2>
          <p className="muted">{t('workspace:plans.veiligheidsplan.fromHint')}</p>
          {data.draft.answers.length === 0 && <p className="muted">{t('workspace:plans.nothingShared')}</p>}
          <ul className="cited-list">
            {data.draft.answers.map((a) => (
              <Cited key={citeKey(a)} cited={a}>
                <button
                  type="button"
                  className="btn btn--soft btn--small"
                  aria-pressed={cited.has(citeKey(a))}
                  onClick={() => toggle(a)}
                >
                  {t(cited.has(citeKey(a)) ? 'workspace:plans.inPlan' : 'workspace:plans.cite')}
                </button>
              </Cited>
            ))}
          </ul>
          {plan.citations
            .filter((c) => !data.draft.answers.some((a) => citeKey(a) === citeKey(c)))
            .map((c) => (
              <ul key={citeKey(c)} className="cited-list">
                <Cited cited={c} />
              </ul>
            ))}
          <h3>{t('workspace:plans.veiligheidsplan.flags')}</h3>
          {data.draft.flags.length === 0 && <p className="muted">{t('workspace:plans.veiligheidsplan.noFlags')}</p>}
          <ul className="flag-list">
            {data.draft.flags.map((f) => (
              <li key={`${f.from}:${f.person}`} data-testid="safety-flag">
                <strong>{f.person}</strong>{' '}
                {f.flags.map((flag) => t(`workspace:plans.veiligheidsplan.flag.${flag}`)).join(', ')}{' '}
                <span className="muted">({t(`workspace:plans.veiligheidsplan.flagFrom.${f.from}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}

function Lines({
  title,
  hint,
  lines,
  onChange,
}: {
  title: string
  hint: string
  lines: string[]
  onChange: (lines: string[]) => void
}) {
  const { t } = useWorkspaceT()
  return (
    <section className="panel">
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      {lines.map((l, i) => (
        <div key={i} className="plan-line">
          <textarea
            aria-label={`${title} ${i + 1}`}
            rows={2}
            maxLength={500}
            value={l}
            onChange={(e) => onChange(lines.map((x, j) => (j === i ? e.target.value : x)))}
          />
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
          >
            {t('workspace:plans.removeLine')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--soft btn--small"
        onClick={() => onChange([...lines, ''])}
        disabled={lines.length >= 12}
      >
        {t('workspace:plans.addLine')}
      </button>
    </section>
  )
}
