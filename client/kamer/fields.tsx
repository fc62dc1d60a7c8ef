import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { ApiError } from '../net/api'

// The entry screen's fields, shared by its open form and its (lazy) invite form.

export const codeOf = (e: unknown): ErrorCode => (e instanceof ApiError ? e.code : 'internal')

type FieldProps = { label: string; value: string; onChange: (value: string) => void; describedBy?: string }

/** The kamer name, exactly as typed: no capitals or corrections added by the phone. */
export function NameField({ label, value, onChange, describedBy }: FieldProps) {
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
export function SecretField({ label, value, onChange, describedBy, fresh = false }: FieldProps & { fresh?: boolean }) {
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

export function ErrorLine({ error }: { error: ErrorCode | null }) {
  const { t } = useTranslation(['errors', 'screens'])
  if (!error) return null
  return (
    <p className="kamer-error" role="alert">
      {/* The kamer has no user name: its own words for a wrong name or PIN. */}
      {error === 'wrong_credentials' ? t('screens:kamer.wrongCredentials') : t(`errors:${error}`)}
    </p>
  )
}
