import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import { DEVICE_ACCESS_TYPES, type ReceiptEntry } from '../../dialogs/contract/receipt'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { ApiError, loadApiClient } from '../net/api'
import { Prompt } from './ReadAloud'
import './receipt.css'

/**
 * The child's receipt (issue 4, anchors H.7): who looked at their answers, through what, and when,
 * in one plain sentence per line, read aloud on request. The kamer shows the same lines in its own
 * shorter words for jongeren (kamer/Receipt.tsx) and loads them with `useReceipt` too.
 */
export function Receipt({ token }: { token: string }) {
  const { entries, error } = useReceipt('kind', token)
  return <ReceiptList entries={entries} failed={error !== null} />
}

/**
 * The receipt's lines for a child's token (`/api/kind/receipt` for the guided gesprek,
 * `/api/kamer/receipt` for the kamer; both are receiptFor on the server), checked against the contract.
 */
export function useReceipt(screen: 'kind' | 'kamer', token: string) {
  const [entries, setEntries] = useState<ReceiptEntry[] | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  useEffect(() => {
    let live = true
    loadApiClient()
      .then((c) => (screen === 'kind' ? c.kind.receipt(token) : c.kamer.receipt(token)))
      .then(
        (out) => live && setEntries(out.entries),
        (e: unknown) => live && setError(e instanceof ApiError ? e.code : 'internal'),
      )
    return () => {
      live = false
    }
  }, [screen, token])
  return { entries, error }
}

/** The list itself, for any source of entries. */
export function ReceiptList({ entries, failed = false }: { entries: ReceiptEntry[] | null; failed?: boolean }) {
  const namespaces = [...new Set((entries ?? []).map((e) => toolInfo(e.toolId ?? '')?.namespace).filter(Boolean))]
  const { t, i18n } = useTranslation(['deelafspraak', 'common', 'screens', ...(namespaces as string[])])
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(iso))
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
      new Date(iso),
    )
  // A screen that joined is told with its time ("Een nieuw scherm deed mee, dinsdag 14:03").
  const did = (e: ReceiptEntry) =>
    DEVICE_ACCESS_TYPES.includes(e.what)
      ? t(`deelafspraak:receipt.line.${e.what}`, { who: e.who, day: day(e.at), time: time(e.at) })
      : t(`screens:receipt.did.${e.what}`, { parts: partsOf(e) })

  const partsOf = (e: ReceiptEntry) => {
    const tool = e.toolId ? toolInfo(e.toolId) : undefined
    const titles = tool ? e.stepIds.map((id) => `“${t(`${tool.namespace}:steps.${id}`)}”`) : []
    return titles.length === 0
      ? tool
        ? t('deelafspraak:receipt.noParts', { tool: t(`common:tools.${tool.id}`) })
        : t('deelafspraak:receipt.everything')
      : titles.length === 1
        ? titles[0]!
        : `${titles.slice(0, -1).join(', ')} ${t('deelafspraak:receipt.and')} ${titles.at(-1)}`
  }
  // One group per person and day: who (name and role) and when once, then what they did.
  const groups: { key: string; who: string; role: ReceiptEntry['role']; day: string; entries: ReceiptEntry[] }[] = []
  for (const e of entries ?? []) {
    const key = `${e.who}|${e.role}|${day(e.at)}`
    const group = groups.find((g) => g.key === key)
    if (group) group.entries.push(e)
    else groups.push({ key, who: e.who, role: e.role, day: day(e.at), entries: [e] })
  }

  return (
    <section className="receipt" data-testid="receipt">
      <Prompt as="h2" text={t('deelafspraak:receipt.title')} />
      <Prompt text={t('deelafspraak:receipt.intro')} />
      {failed && <p role="alert">{t('deelafspraak:receipt.failed')}</p>}
      {!failed && entries === null && <p className="muted">{t('deelafspraak:receipt.loading')}</p>}
      {entries?.length === 0 && <Prompt text={t('deelafspraak:receipt.empty')} />}
      {entries && entries.length > 0 && (
        <ul className="receipt__list">
          {groups.map((g) => (
            <li key={g.key} className="receipt__group" data-testid="receipt-group">
              <p className="receipt__who">
                <span className="receipt__icon" aria-hidden="true">
                  {g.who.slice(0, 1).toUpperCase()}
                </span>
                <strong>
                  {t('screens:receipt.who', { who: g.who, role: t(`deelafspraak:receipt.role.${g.role}`) })}
                </strong>
                <span className="receipt__day">{g.day}</span>
              </p>
              <ul className="receipt__did">
                {g.entries.map((e) => (
                  <li key={`${e.at}-${e.what}`} className="receipt__entry" data-testid="receipt-entry">
                    <Prompt text={did(e)} />
                    {e.count > 1 && (
                      <span className="receipt__count">{t('deelafspraak:receipt.times', { count: e.count })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
