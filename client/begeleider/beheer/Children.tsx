import { useState } from 'react'
import type { BeheerOut } from '../../../dialogs/contract/workspace'
import { apiClient } from '../../net/api-client'
import { formatDay, useWorkspaceT } from '../words'
import type { Act } from './act'

/** The organisation's children: warm handovers, the AVG rights, and the handovers so far. */
export function Children({
  data,
  act,
  onError,
  onExported,
}: {
  data: BeheerOut
  act: Act
  onError: (e: unknown) => void
  onExported: (message: string) => void
}) {
  const { t, i18n } = useWorkspaceT()
  const teamName = (id: string) => data.teams.find((x) => x.id === id)?.name ?? '—'
  const personName = (id: string) => data.begeleiders.find((x) => x.id === id)?.displayName ?? '—'
  const childName = (id: string) => data.children.find((x) => x.id === id)?.nickname ?? '—'
  return (
    <section className="panel">
      <h2>{t('workspace:beheer.children')}</h2>
      <p className="muted">{t('workspace:beheer.childrenHint')}</p>
      <p className="muted">{t('workspace:beheer.closeHint', { days: data.retentionDays })}</p>
      {data.children.length === 0 && <p className="muted">{t('workspace:beheer.noChildren')}</p>}
      <ul className="beheer-children">
        {data.children.map((c) => (
          <ChildRow
            key={c.id}
            child={c}
            data={data}
            act={act}
            onError={onError}
            onExported={() => onExported(t('workspace:beheer.exported', { name: c.nickname }))}
          />
        ))}
      </ul>
      {data.handovers.length > 0 && (
        <>
          <h3>{t('workspace:beheer.handovers')}</h3>
          <ul className="muted">
            {data.handovers.map((h, i) => (
              <li key={i}>
                {t('workspace:beheer.handoverLine', {
                  child: childName(h.childId),
                  from: `${personName(h.fromBegeleiderId)} (${teamName(h.fromTeamId)})`,
                  to: `${personName(h.toBegeleiderId)} (${teamName(h.toTeamId)})`,
                  date: formatDay(h.at, i18n.language),
                  by: personName(h.byBegeleiderId),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

type Child = BeheerOut['children'][number]

/**
 * One child of the organisation: warm handover, and the AVG rights (inzage, close the trajectory, erasure).
 * Erasure asks for the nickname typed out: it cannot be undone.
 */
function ChildRow({
  child,
  data,
  act,
  onError,
  onExported,
}: {
  child: Child
  data: BeheerOut
  act: Act
  onError: (e: unknown) => void
  onExported: () => void
}) {
  const { t, i18n } = useWorkspaceT()
  const [to, setTo] = useState('')
  const [open, setOpen] = useState<'close' | 'erase' | null>(null)
  const [typed, setTyped] = useState('')
  const options = data.begeleiders.filter((b) => b.active && b.id !== child.begeleiderId)
  const current = data.begeleiders.find((b) => b.id === child.begeleiderId)

  const name = child.nickname
  const toggle = (what: 'close' | 'erase') => {
    setTyped('')
    setOpen(open === what ? null : what)
  }
  return (
    <li className={`beheer-child${child.closedAt ? ' is-closed' : ''}`} data-testid="beheer-child">
      <div className="beheer-child__who">
        <strong>{name}</strong> <span className="muted">{t(`common:begeleider.ageBands.${child.ageBand}`)}</span>
        <div className="muted">
          {current?.displayName} · {data.teams.find((x) => x.id === child.teamId)?.name}
        </div>
        {child.closedAt && child.eraseAfter && (
          <div className="beheer-child__closed">
            {t('workspace:beheer.closedOn', {
              date: formatDay(child.closedAt, i18n.language),
              erase: formatDay(child.eraseAfter, i18n.language),
            })}
          </div>
        )}
      </div>
      <div className="beheer-child__actions">
        {!child.closedAt && (
          <span className="inline-form">
            <label className="sr-only" htmlFor={`move-${child.id}`}>
              {t('workspace:beheer.to')}
            </label>
            <select id={`move-${child.id}`} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('workspace:beheer.to')}…</option>
              {options.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.displayName} · {data.teams.find((x) => x.id === b.teamId)?.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn--soft btn--small"
              disabled={!to}
              onClick={() => {
                const b = data.begeleiders.find((x) => x.id === to)
                if (b)
                  void act(() => apiClient.beheer.moveChild(child.id, { teamId: b.teamId, begeleiderId: b.id })).then(
                    (ok) => ok && setTo(''),
                  )
              }}
            >
              {t('workspace:beheer.move')}
            </button>
          </span>
        )}
        <button
          type="button"
          className="btn btn--quiet btn--small"
          onClick={() => void downloadExport(child.id).then(onExported, onError)}
        >
          {t('workspace:beheer.inzage')}
        </button>
        {!child.closedAt && (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            aria-expanded={open === 'close'}
            onClick={() => toggle('close')}
          >
            {t('workspace:beheer.close')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--quiet btn--small btn--danger"
          aria-expanded={open === 'erase'}
          onClick={() => toggle('erase')}
        >
          {t('workspace:beheer.erase')}
        </button>
      </div>
      {open === 'close' && (
        <div className="beheer-confirm" role="group" aria-label={t('workspace:beheer.closeTitle', { name })}>
          <p>{t('workspace:beheer.closeExplain', { name, days: data.retentionDays })}</p>
          <div className="inline-form">
            <button
              type="button"
              className="btn btn--primary btn--small"
              onClick={() =>
                void act(() => apiClient.beheer.closeChild(child.id), t('workspace:beheer.closedDone', { name })).then(
                  (ok) => ok && setOpen(null),
                )
              }
            >
              {t('workspace:beheer.closeNow')}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setOpen(null)}>
              {t('workspace:beheer.cancel')}
            </button>
          </div>
        </div>
      )}
      {open === 'erase' && (
        <form
          className="beheer-confirm beheer-confirm--danger"
          aria-label={t('workspace:beheer.eraseTitle', { name })}
          onSubmit={(e) => {
            e.preventDefault()
            if (typed.trim() !== name) return
            void act(() => apiClient.beheer.eraseChild(child.id), t('workspace:beheer.erased', { name })).then(
              (ok) => ok && setOpen(null),
            )
          }}
        >
          <p>{t('workspace:beheer.eraseExplain', { name })}</p>
          <label>
            {t('workspace:beheer.eraseType', { name })}
            <input
              value={typed}
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
          <div className="inline-form">
            <button type="submit" className="btn btn--danger btn--small" disabled={typed.trim() !== name}>
              {t('workspace:beheer.eraseNow', { name })}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setOpen(null)}>
              {t('workspace:beheer.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  )
}

/**
 * Inzage: the export arrives as JSON and leaves as a file. Only a short-lived blob URL exists in the
 * page; nothing goes to browser storage. The file is named by the child's id, not the nickname, because
 * the browser's download list keeps file names.
 */
async function downloadExport(childId: string): Promise<void> {
  const data = await apiClient.beheer.exportChild(childId)
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = `inzage-${childId}.json`
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // After the click has handed the blob to the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
