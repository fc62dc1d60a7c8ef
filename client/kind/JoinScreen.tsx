import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { ApiError, loadApiClient } from '../net/api'
import { CodeInput, useCodeFromQr } from '../ui/CodeInput'
// The first screen's one picture, alone: the whole picture set loads with the gesprek.
import happy from 'openmoji/color/svg/1F60A.svg?url'
import { Prompt } from '../ui/ReadAloud'
import { saveKindSession, type KindSession } from './session'

/** The child types (or scans) the code the begeleider shows. A code in the QR's #fragment fills in by itself. */
export function JoinScreen({ onJoined }: { onJoined: (s: KindSession) => void }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<ErrorCode | null>(null)
  const [busy, setBusy] = useState(false)

  const join = async (value: string) => {
    setBusy(true)
    setError(null)
    try {
      const s = await (await loadApiClient()).kind.join(value)
      saveKindSession(s)
      onJoined(s)
    } catch (e) {
      setError(e instanceof ApiError ? e.code : 'internal')
    } finally {
      setBusy(false)
    }
  }

  useCodeFromQr((fromQr) => {
    setCode(fromQr)
    void join(fromQr)
  })

  return (
    <main className="kind-join">
      <img src={happy} alt="" className="kind-join__picture" />
      <Prompt as="h1" text={t('kind.welcome')} />
      <Prompt text={t('kind.enterCode')} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void join(code)
        }}
      >
        <label htmlFor="join-code" className="visually-hidden">
          {t('kind.codeLabel')}
        </label>
        <CodeInput id="join-code" value={code} onChange={setCode} />
        <button type="submit" className="btn btn--primary btn--big" disabled={busy || code.trim().length < 8}>
          {t('kind.join')}
        </button>
      </form>
      {error && (
        <div className="friendly-error" role="alert">
          <Prompt text={t(`errors:${error}`)} />
        </div>
      )}
    </main>
  )
}
