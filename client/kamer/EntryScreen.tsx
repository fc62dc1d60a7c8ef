import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { KamerName, secretProblem, type KamerTokenOut } from '../../dialogs/contract/kamer'
import { api, ApiError } from '../net/api'
import { CodeInput, useCodeFromQr } from '../ui/CodeInput'
import type { LockReason } from './useKamer'

type Props = {
  locked: LockReason | null
  unsent: number
  onOpen: (token: string, idleMs: number, fresh: boolean) => void
}

const codeOf = (e: unknown): ErrorCode => (e instanceof ApiError ? e.code : 'internal')

/** Before the kamer: open it with name + PIN, or set it up with a code from the begeleider. */
export function EntryScreen({ locked, unsent, onOpen }: Props) {
  const [mode, setMode] = useState<'open' | 'invite'>('open')
  const [code, setCode] = useState('')
  useCodeFromQr((fromQr) => {
    setCode(fromQr)
    setMode('invite')
  })

  return mode === 'open' ? (
    <OpenForm locked={locked} unsent={unsent} onOpen={onOpen} onInvite={() => setMode('invite')} />
  ) : (
    <InviteForm initialCode={code} onOpen={onOpen} onCancel={() => setMode('open')} />
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
    try {
      const out = await api<KamerTokenOut>('/api/kamer/open', { body: { name, secret } })
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

