import QRCode from 'qrcode'
import type { Deps } from '../deps'
import { publicOrigin } from './security'

/**
 * The QR code (an SVG) of the link that carries a single-use code to a child's screen (the join code) or a jongere's
 * phone (the kamer invite). The code rides in the fragment: it never reaches a server log or a Referer
 * header (docs/security.md). `query` is for what the first screen must know before the code (its language).
 */
export async function codeQr(
  deps: Deps,
  requestUrl: string,
  path: '/kind' | '/kamer',
  code: string,
  query = '',
): Promise<string> {
  const link = `${publicOrigin(deps, requestUrl)}${path}${query}#${code}`
  return QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
}
