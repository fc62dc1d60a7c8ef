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
            <CodeInput value={code} onChange={setCode} />
          </label>
          <ErrorLine error={error} />
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
        <NameField label={t('kamer:invite.name')} value={name} onChange={setName} describedBy="kamer-name-hint" />
        <p id="kamer-name-hint" className="kamer-small">
          {t('kamer:invite.nameHint')}
        </p>
        <SecretField
          label={t('kamer:invite.secret')}
          value={secret}
          onChange={setSecret}
          fresh
          describedBy="kamer-secret-hint kamer-secret-state"
        />
        <p id="kamer-secret-hint" className="kamer-small">
          {t('kamer:invite.secretHint')}
        </p>
        <p id="kamer-secret-state" className="kamer-small kamer-strength" aria-live="polite">
          {secret && (problem ? t(`kamer:invite.problem.${problem}`) : t('kamer:invite.strongEnough'))}
        </p>
        <SecretField label={t('kamer:invite.again')} value={again} onChange={setAgain} fresh />
        {again && again !== secret && <p className="kamer-small">{t('kamer:invite.mismatch')}</p>}
        <p className="kamer-small">{t('kamer:invite.forgotten')}</p>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn--primary" disabled={!canSubmit}>
          {t('kamer:invite.submit')}
        </button>
      </form>
    </main>
  )
}

type FieldProps = { label: string; value: string; onChange: (value: string) => void; describedBy?: string }

/** The kamer name, exactly as typed: no capitals or corrections added by the phone. */
function NameField({ label, value, onChange, describedBy }: FieldProps) {
  return (
    <label>
      <span>{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={30}
        aria-describedby={describedBy}
      />
    </label>
  )
}

/** The PIN or password; `fresh` while choosing one, so a password manager may offer a new one. */
function SecretField({ label, value, onChange, describedBy, fresh = false }: FieldProps & { fresh?: boolean }) {
  return (
    <label>
      <span>{label}</span>
      <input
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={fresh ? 'new-password' : 'off'}
        maxLength={100}
        aria-describedby={describedBy}
      />
    </label>
  )
}

function ErrorLine({ error }: { error: ErrorCode | null }) {
  const { t } = useTranslation('errors')
  if (!error) return null
  return (
    <p className="kamer-error" role="alert">
      {t(`errors:${error}`)}
    </p>
  )
}
