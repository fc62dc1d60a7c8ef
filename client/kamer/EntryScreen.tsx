import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { KamerName, secretProblem, type KamerTokenOut } from '../../dialogs/contract/kamer'
import { api, ApiError } from '../net/api'
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
  const fromQr = useRef(false)

  useEffect(() => {
    const hash = location.hash.slice(1)
    // The QR carries the code in the fragment: take it out of the address bar and history at once.
    if (hash) history.replaceState(null, '', location.pathname)
    if (hash && !fromQr.current) {
      fromQr.current = true
      setCode(hash)
      setMode('invite')
    }
  }, [])

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
        <label>
          <span>{t('kamer:open.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={30}
          />
        </label>
        <label>
          <span>{t('kamer:open.secret')}</span>
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="off"
            maxLength={100}
          />
        </label>
        {error && (
          <p className="kamer-error" role="alert">
            {t(`errors:${error}`)}
          </p>
        )}
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

function InviteForm({
  initialCode,
  onOpen,
  onCancel,
}: {
  initialCode: string
  onOpen: Props['onOpen']
  onCancel: () => void
}) {
  const { t } = useTranslation(['kamer', 'errors'])
  const [code, setCode] = useState(initialCode)
  const [checked, setChecked] = useState(false)
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const autoChecked = useRef(false)

  const check = async (value: string) => {
    setBusy(true)
    setError(null)
    try {
      await api('/api/kamer/invite/check', { body: { code: value } })
      setChecked(true)
    } catch (err) {
      setError(codeOf(err))
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (initialCode && !autoChecked.current) {
      autoChecked.current = true
      void check(initialCode)
    }
    // a one-time check of a code that came with the QR
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const problem = secret ? secretProblem(secret) : null
  const nameOk = KamerName.safeParse(name).success
  const canSubmit = nameOk && secret.length > 0 && !problem && secret === again && !busy

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit) return
    setBusy(true)
    setError(null)
    try {
      const out = await api<KamerTokenOut>('/api/kamer/setup', { body: { code, name: name.trim(), secret } })
      onOpen(out.token, out.idleMs, true)
    } catch (err) {
      const c = codeOf(err)
      setError(c)
      if (c === 'code_used' || c === 'code_expired' || c === 'code_invalid') setChecked(false)
    } finally {
      setBusy(false)
    }
  }

  if (!checked)
    return (
      <main className="kamer-main kamer-entry">
        <h1>{t('kamer:invite.title')}</h1>
        <form
          className="kamer-form"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault()
            void check(code)
          }}
        >
          <label>
            <span>{t('kamer:invite.code')}</span>
            <input
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              placeholder="ABCD-1234"
            />
          </label>
          {error && (
            <p className="kamer-error" role="alert">
              {t(`errors:${error}`)}
            </p>
          )}
          <button type="submit" className="btn btn--primary" disabled={busy || code.trim().length < 8}>
            {t('kamer:invite.check')}
          </button>
        </form>
        <button type="button" className="btn btn--quiet" onClick={onCancel}>
          {t('kamer:invite.back')}
        </button>
      </main>
    )

  return (
    <main className="kamer-main kamer-entry">
      <h1>{t('kamer:invite.setupTitle')}</h1>
      <form className="kamer-form" onSubmit={(e) => void submit(e)} autoComplete="off">
        <label>
          <span>{t('kamer:invite.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={30}
            aria-describedby="kamer-name-hint"
          />
        </label>
        <p id="kamer-name-hint" className="kamer-small">
          {t('kamer:invite.nameHint')}
        </p>
        <label>
          <span>{t('kamer:invite.secret')}</span>
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
            maxLength={100}
            aria-describedby="kamer-secret-hint kamer-secret-state"
          />
        </label>
        <p id="kamer-secret-hint" className="kamer-small">
          {t('kamer:invite.secretHint')}
        </p>
        <p id="kamer-secret-state" className="kamer-small kamer-strength" aria-live="polite">
          {secret && (problem ? t(`kamer:invite.problem.${problem}`) : t('kamer:invite.strongEnough'))}
        </p>
        <label>
          <span>{t('kamer:invite.again')}</span>
          <input
            type="password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            autoComplete="new-password"
            maxLength={100}
          />
        </label>
        {again && again !== secret && <p className="kamer-small">{t('kamer:invite.mismatch')}</p>}
        <p className="kamer-small">{t('kamer:invite.forgotten')}</p>
        {error && (
          <p className="kamer-error" role="alert">
            {t(`errors:${error}`)}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={!canSubmit}>
          {t('kamer:invite.submit')}
        </button>
      </form>
    </main>
  )
}
