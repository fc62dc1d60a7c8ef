import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BEGELEIDER_PICTURES, type BegeleiderPicture } from '../../dialogs/contract/http'
import { apiClient } from '../net/api-client'
import { pictureUrl } from '../ui/pictures'

/**
 * The picture children see beside this begeleider's name (the kennismaking's "Dit is …", the
 * child's top bar). A small choice in the top bar: one click to open, one to choose.
 */
export function MyPicture({ picture, onChange }: { picture: BegeleiderPicture | null; onChange: () => void }) {
  const { t } = useTranslation(['workspace'])
  const [busy, setBusy] = useState(false)
  const choose = (p: BegeleiderPicture | null) => {
    setBusy(true)
    void apiClient.auth
      .setPicture(p)
      .then(onChange)
      .finally(() => setBusy(false))
  }
  const current = picture ? pictureUrl(picture) : undefined
  return (
    <details className="my-picture">
      <summary className="btn btn--quiet" data-testid="my-picture">
        {current && <img src={current} alt="" className="my-picture__current" />}
        {t('workspace:account.picture')}
      </summary>
      <div className="my-picture__panel">
        <p className="muted">{t('workspace:account.pictureHint')}</p>
        <div className="my-picture__choices" role="group" aria-label={t('workspace:account.picture')}>
          {BEGELEIDER_PICTURES.map((p) => (
            <button
              key={p}
              type="button"
              className="my-picture__choice"
              aria-pressed={picture === p}
              disabled={busy}
              onClick={() => choose(p)}
            >
              <img src={pictureUrl(p)} alt={t(`common:pictures.${p}`)} />
            </button>
          ))}
        </div>
        {picture && (
          <button type="button" className="btn btn--quiet btn--small" disabled={busy} onClick={() => choose(null)}>
            {t('workspace:account.pictureNone')}
          </button>
        )}
      </div>
    </details>
  )
}
