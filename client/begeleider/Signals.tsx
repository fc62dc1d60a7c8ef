import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { CaseloadSignalsOut, ChildSignalsOut, SignalView } from '../../dialogs/contract/signals'
import { FOLLOW_UP_WITH } from '../../dialogs/contract/signals'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'
import './signals.css'

export type RowSignals = CaseloadSignalsOut['children'][string]

/** The team's signals for the caseload rows, fetched beside the caseload (docs/signals.md). */
export function useCaseloadSignals(): CaseloadSignalsOut['children'] {
  const [data, setData] = useState<CaseloadSignalsOut['children']>({})
  useEffect(() => {
    apiClient.signals.caseload().then(
      (r) => setData(r.children),
      () => setData({}),
    )
  }, [])
  return data
}

/** On the caseload row: what there is to discuss, in words. Calm, no alarm colour, no answer. */
export function RowSignal({ signals }: { signals: RowSignals | undefined }) {
  const { t } = useWorkspaceT()
  if (!signals) return null
  const types = signals.types.map((k) => t(`workspace:signals.type.${k}`))
  return (
    <span className="row-signal" data-testid="row-signal">
      {types.length > 0 && (
        <span>
          {t('workspace:signals.row', { types: types.join(', ') })}
          {signals.late > 0 && <strong> · {t('workspace:signals.rowLate')}</strong>}
        </span>
      )}
      {signals.talk > 0 && <span>{t('workspace:signals.talk')}</span>}
    </span>
  )
}

const today = () => new Date().toISOString().slice(0, 10)

/** On the child page: each signal in words, its follow-up window, and what was done about it. */
export function ChildSignals({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const lng = i18n.language
  const [data, setData] = useState<ChildSignalsOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(() => {
    apiClient.signals.child(childId).then(setData, fail)
  }, [childId, fail])
  useEffect(load, [load])
  if (!data) return error ? <p className="form-error">{t(`errors:${error}`)}</p> : null

  return (
    <section className="panel signals" data-testid="child-signals">
      <h2>{t('workspace:signals.title')}</h2>
      <p className="muted">{t('workspace:signals.hint')}</p>
      {data.signals.length === 0 && data.talk.length === 0 && <p className="muted">{t('workspace:signals.none')}</p>}
      <ul className="signal-list">
        {data.talk.map((r) => (
          <li key={r.id} className="signal">
            <strong>{t('workspace:signals.talk')}</strong>{' '}
            <span className="muted">{t('workspace:signals.since', { day: formatDay(r.since, lng) })}</span>{' '}
            <button
              type="button"
              className="btn btn--soft btn--small"
              onClick={() => apiClient.signals.talkHandled(childId).then(load, fail)}
            >
              {t('workspace:signals.talkHandled')}
            </button>
          </li>
        ))}
        {data.signals.map((s) => (
          <SignalRow
            key={`${s.gesprekId}:${s.itemId}`}
            s={s}
            days={data.followUpDays}
            lng={lng}
            go={go}
            onRecord={(w, on) =>
              apiClient.signals
                .followUp(childId, { gesprekId: s.gesprekId, itemId: s.itemId, with: w, on })
                .then(load, fail)
            }
          />
        ))}
      </ul>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </section>
  )
}

function SignalRow({
  s,
  days,
  lng,
  go,
  onRecord,
}: {
  s: SignalView
  days: number
  lng: string
  go: (path: string) => void
  onRecord: (w: (typeof FOLLOW_UP_WITH)[number], on: string) => void
}) {
  const { t } = useWorkspaceT()
  const [w, setW] = useState<(typeof FOLLOW_UP_WITH)[number]>('kind')
  const [on, setOn] = useState(today)
  const day = formatDay(`${s.dueOn}T12:00:00.000Z`, lng)
  return (
    <li className={`signal signal--${s.status}`} data-testid="signal">
      <strong>{t(`workspace:signals.type.${s.type}`)}</strong> · {t(`common:tools.${s.toolId}`)}{' '}
      <span className="muted">{t('workspace:signals.since', { day: formatDay(s.since, lng) })}</span>
      <div>
        {s.status === 'open' && t('workspace:signals.due', { days, day })}
        {s.status === 'te-laat' && <strong>{t('workspace:signals.late', { day })}</strong>}
      </div>
      {s.followUps.map((f, i) => (
        <div key={i} className="signal__done">
          {t('workspace:signals.done', {
            with: t(`workspace:signals.with.${f.with}`),
            day: formatDay(`${f.on}T12:00:00.000Z`, lng),
            by: f.by,
          })}
        </div>
      ))}
      <form
        className="signal__record"
        onSubmit={(e) => {
          e.preventDefault()
          onRecord(w, on)
        }}
      >
        <span>{t('workspace:signals.record')}</span>
        <label>
          <span className="sr-only">{t('workspace:signals.recordWith')}</span>
          <select value={w} onChange={(e) => setW(e.target.value as typeof w)}>
            {FOLLOW_UP_WITH.map((x) => (
              <option key={x} value={x}>
                {t(`workspace:signals.with.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{t('workspace:signals.recordOn')}</span>
          <input type="date" value={on} max={today()} onChange={(e) => setOn(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--soft btn--small">
          {t('workspace:signals.save')}
        </button>
      </form>
      <a className="btn btn--quiet btn--small" {...linkProps(go, `/begeleider/gesprek/${s.gesprekId}`)}>
        {t('workspace:signals.open')}
      </a>
    </li>
  )
}
