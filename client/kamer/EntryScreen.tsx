import { lazy, startTransition, Suspense, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { loadApiClient } from '../net/api'
import { useCodeFromQr } from '../ui/CodeInput'
import { codeOf, ErrorLine, NameField, SecretField } from './fields'
import type { LockReason } from './lock'
import { loadRoom } from './room-chunk'

const InviteForm = lazy(() => import('./InviteForm'))

export type OpenKamer = (token: string, idleMs: number, fresh: boolean) => void

type Props = {
  locked: LockReason | null
  unsent: number
  onOpen: OpenKamer
}

/** Before the kamer: open it with name + PIN, or set it up with a code from the begeleider. */
export function EntryScreen({ locked, unsent, onOpen }: Props) {
  const [mode, setMode] = useState<'open' | 'invite'>('open')
  const [code, setCode] = useState('')
  // In a transition: the PIN screen stays up until the invite form's chunk is there.
  const to = (next: 'open' | 'invite') => startTransition(() => setMode(next))
  useCodeFromQr((fromQr) => {
    setCode(fromQr)
    to('invite')
  })

  return (
    <Suspense fallback={<p className="loading">…</p>}>
      {mode === 'open' ? (
        <OpenForm locked={locked} unsent={unsent} onOpen={onOpen} onInvite={() => to('invite')} />
      ) : (
        <InviteForm initialCode={code} onOpen={onOpen} onCancel={() => to('open')} />
      )}
    </Suspense>
  )
}

function OpenForm({
  locked,
  unsent,
  onOpen,
  onInvite,
}: Omit<Props, 'onOpen'> & { onOpen: Props['onOpen']; onInvite: () => void }) {
  const { t } = useTranslation(['kamer', 'errors'])
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    void loadRoom()
    try {
      const out = await (await loadApiClient()).kamer.open({ name, secret })
      setSecret('')
      onOpen(out.token, out.idleMs, false)
    } catch (err) {
      setError(codeOf(err))
      setSecret('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="kamer-main kamer-entry">
      <h1>{t('kamer:open.title')}</h1>
      {locked && (
        <p className="kamer-note" role="status">
          {locked === 'idle' ? t('kamer:open.lockedIdle') : t('kamer:open.lockedOther')}
          {unsent > 0 && <> {t('kamer:open.unsent', { count: unsent })}</>}
        </p>
      )}
      <form className="kamer-form" onSubmit={(e) => void submit(e)} autoComplete="off">
        <NameField label={t('kamer:open.name')} value={name} onChange={setName} />
        <SecretField label={t('kamer:open.secret')} value={secret} onChange={setSecret} />
        <ErrorLine error={error} />
        <button type="submit" className="btn btn--primary" disabled={busy || !name.trim() || !secret}>
          {t('kamer:open.submit')}
        </button>
      </form>
      <p className="kamer-small">{t('kamer:open.reloadNote')}</p>
      <button type="button" className="btn btn--quiet" onClick={onInvite}>
        {t('kamer:open.haveCode')}
      </button>
    </main>
  )
}
