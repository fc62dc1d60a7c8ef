import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { KamerName, secretProblem } from '../../dialogs/contract/kamer'
import { loadApiClient } from '../net/api'
import { CodeInput } from '../ui/CodeInput'
import type { OpenKamer } from './EntryScreen'
import { codeOf, ErrorLine, NameField, SecretField } from './fields'
import { loadRoom } from './room-chunk'

/**
 * Setting up the kamer with the begeleider's code. Its own chunk: it checks the name and the PIN with
 * the contract's zod schemas, which the PIN screen does not need (ADR 0008).
 */
export default function InviteForm({
  initialCode,
  onOpen,
  onCancel,
}: {
  initialCode: string
  onOpen: OpenKamer
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
      await (await loadApiClient()).kamer.checkInvite(value)
      setChecked(true)
    } catch (err) {
      setError(codeOf(err))
    } finally {
      setBusy(false)
    }
  }

  // A one-time check of a code that came with the QR, on arrival.
  const checkArrived = useEffectEvent(() => {
    if (initialCode && !autoChecked.current) {
      autoChecked.current = true
      void check(initialCode)
    }
  })
  useEffect(() => checkArrived(), [])

  const problem = secret ? secretProblem(secret) : null
  const nameOk = KamerName.safeParse(name).success
  const canSubmit = nameOk && secret.length > 0 && !problem && secret === again && !busy

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit) return
    setBusy(true)
    setError(null)
    void loadRoom()
    try {
      const out = await (await loadApiClient()).kamer.setup({ code, name: name.trim(), secret })
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
