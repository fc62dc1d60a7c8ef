import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { ChildSummary } from '../../dialogs/contract/http'
import { AgeBand } from '../../dialogs/contract/ids'
import { api, ApiError } from '../net/api'

export function Caseload({ go }: { go: (path: string) => void }) {
  const { t } = useTranslation(['common', 'errors'])
  const [children, setChildren] = useState<ChildSummary[] | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const load = useCallback(() => {
    api<ChildSummary[]>('/api/children').then(setChildren, (e: unknown) =>
      setError(e instanceof ApiError ? e.code : 'internal'),
    )
  }, [])
  useEffect(load, [load])

  return (
    <div className="caseload">
      <section className="panel">
        <h1>{t('begeleider.children')}</h1>
        {children?.length === 0 && <p className="muted">{t('begeleider.noChildren')}</p>}
        <ul className="child-list">
          {children?.map((c) => (
            <li key={c.id}>
              <a
                href={`/begeleider/kind/${c.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  go(`/begeleider/kind/${c.id}`)
                }}
              >
                <span className="child-list__name">{c.nickname}</span>
                <span className="child-list__band">{t(`begeleider.ageBands.${c.ageBand}`)}</span>
              </a>
            </li>
          ))}
        </ul>
        {error && <p className="form-error">{t(`errors:${error}`)}</p>}
      </section>
      <AddChild onAdded={load} />
    </div>
  )
}

function AddChild({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation(['common', 'errors'])
  const [nickname, setNickname] = useState('')
  const [ageBand, setAgeBand] = useState<AgeBand>('8-12')
  const [error, setError] = useState<ErrorCode | null>(null)
  return (
    <section className="panel">
      <h2>{t('begeleider.addChild')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          setError(null)
          api('/api/children', { body: { nickname, ageBand } }).then(
            () => {
              setNickname('')
              onAdded()
            },
            (err: unknown) => setError(err instanceof ApiError ? err.code : 'internal'),
          )
        }}
      >
        <label>
          {t('begeleider.nickname')}
          <input
            name="nickname"
            value={nickname}
            maxLength={30}
            onChange={(e) => setNickname(e.target.value)}
            required
          />
          <small className="muted">{t('begeleider.nicknameHint')}</small>
        </label>
        <label>
          {t('begeleider.ageBand')}
          <select name="ageBand" value={ageBand} onChange={(e) => setAgeBand(AgeBand.parse(e.target.value))}>
            {AgeBand.options.map((b) => (
              <option key={b} value={b}>
                {t(`begeleider.ageBands.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary">
          {t('begeleider.save')}
        </button>
        {error && <p className="form-error">{t(`errors:${error}`)}</p>}
      </form>
    </section>
  )
}
