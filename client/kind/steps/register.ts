import type { TFunction } from 'i18next'
import type { AgeBand } from '../../../dialogs/contract/ids'

export const isAdultBand = (band: AgeBand) => band === '12-15' || band === '16-18'
/** Bands that draw and tap pictures: the creative werkvormen of 4-12 [000:637-641]. */
export const drawsBand = (band: AgeBand) => band === '4-7' || band === '8-12'

/**
 * The adult register from 12: a tool serving 8-18 (Mijn netwerk) words a prompt for jongeren as
 * `<key>_jongere` (i18next context); where no such key exists the one text serves every band.
 */
export function registerT(t: TFunction, band: AgeBand): TFunction {
  if (!isAdultBand(band)) return t
  const withContext = (key: string | string[], options?: Record<string, unknown>) =>
    t(key, { context: 'jongere', ...(options ?? {}) } as never)
  return withContext as unknown as TFunction
}
