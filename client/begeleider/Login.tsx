import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { ApiError, loadApiClient } from '../net/api'

export function Login({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation(['common', 'errors'])
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<ErrorCode | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <main className="login">
      <h1>{t('begeleider.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          loadApiClient()
            .then((client) => client.auth.login({ username, password }))
            .then(onLoggedIn, (err: unknown) => setError(err instanceof ApiError ? err.code : 'internal'))
            .finally(() => setBusy(false))
        }}
      >
        <label>
          {t('begeleider.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t('begeleider.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('begeleider.login')}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {t(`errors:${error}`)}
          </p>
        )}
      </form>
    </main>
  )
}
