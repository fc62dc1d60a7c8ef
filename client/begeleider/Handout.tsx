import { useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { OudergesprekOut } from '../../dialogs/contract/workspace'
import { api, ApiError } from '../net/api'
import { askedParent, defaultDraft } from './Oudergesprek'
import { ThemedList } from './PrepLists'
import { formatDay, useWorkspaceT, withToolLabels } from './words'

/**
 * The printable A4 sheet for the oudergesprek. Loading it is logged as a print (the route records it).
 * The toolbar is for the screen only; the print stylesheet (workspace.css) leaves just the sheet.
 */
export function Handout({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<OudergesprekOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  // The same "since" and the same parent as the preparation screen it came from (a date and a role word
  // in the URL, never content): each parent's sheet holds only what reaches that parent.
  const [ouder] = useState(() => askedParent(location.search))
  useEffect(() => {
    const since = new URLSearchParams(location.search).get('since')
    const q = new URLSearchParams({
      ...(since && /^\d{4}-\d{2}-\d{2}$/.test(since) ? { since } : {}),
      ...(ouder ? { ouder } : {}),
    }).toString()
    api<OudergesprekOut>(`/api/workspace/children/${childId}/oudergesprek/print${q ? `?${q}` : ''}`).then(
      (d) => setData(withToolLabels(d)),
      (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'),
    )
  }, [childId, ouder])
  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data) return <p className="muted">{t('common:loading')}</p>
  const name = data.child.nickname
  const other = data.otherParent
  const role = data.parent.for ? t(`workspace:parents.role.${data.parent.for}`) : ''
  const draft = data.draft ?? defaultDraft(t, name, other !== null)
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)

  return (
    <main className="handout-page">
      <nav className="handout-toolbar">
        <button
          type="button"
          className="btn btn--quiet"
          onClick={() => go(`/begeleider/kind/${childId}/oudergesprek${ouder ? `?ouder=${ouder}` : ''}`)}
        >
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('workspace:handout.back')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('workspace:handout.printNow')}
        </button>
      </nav>
      <article className="handout" data-testid="handout">
        <header className="handout__head">
          <h1>{other ? t('workspace:handout.titleFor', { role }) : t('workspace:handout.title')}</h1>
          <p>{t('workspace:handout.for', { name, date: formatDay(new Date().toISOString(), i18n.language) })}</p>
        </header>
        {/* The other parent's sheet: what was agreed with both parents; the cautions stay on the screen. */}
        {other?.informed && (
          <section className="handout__block" data-testid="handout-informed">
            <h2>{t('workspace:handout.informed', { role })}</h2>
            <p>{other.informed.text}</p>
          </section>
        )}
        <section className="handout__block">
          <h2>{t('workspace:handout.zelf', { name })}</h2>
          <ThemedList items={data.zelfVertellen} showShare={false} />
        </section>
        <section className="handout__block">
          <h2>{t('workspace:handout.jij')}</h2>
          <ThemedList items={data.begeleiderVertelt} showShare={false} />
        </section>
        {data.observatie.length > 0 && (
          <section className="handout__block">
            <h2>{t('workspace:prep.observatie')}</h2>
            <ThemedList items={data.observatie} showShare={false} />
          </section>
        )}
        <div className="handout__cols">
          <section className="handout__block">
            <h2>{t('workspace:prep.talkingPoints')}</h2>
            <ol>
              {lines(draft.talkingPoints).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ol>
          </section>
          <section className="handout__block">
            <h2>{t('workspace:prep.tips')}</h2>
            <ul>
              {lines(draft.tips).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </section>
        </div>
        <footer className="handout__foot">
          {other ? t('workspace:handout.noteOther', { role, name }) : t('workspace:handout.note', { name })}
        </footer>
      </article>
    </main>
  )
}
