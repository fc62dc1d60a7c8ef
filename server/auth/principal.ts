/**
 * Who is asking. There is deliberately no parent principal: parents never log in (docs/deelafspraak.md,
 * the model; docs/security.md, authorisation matrix).
 */
export type BegeleiderPrincipal = {
  role: 'begeleider'
  begeleiderId: string
  organisationId: string
  teamId: string
  admin: boolean
  displayName: string
  sessionHash: string
}
/**
 * A child's device in a guided gesprek: one token, one gesprek. `trusted`: the child's own device (the
 * first one, or approved by one); otherwise it sees only what a begeleider sees plus its own items (ADR 0010).
 */
export type DevicePrincipal = {
  role: 'kind'
  childId: string
  gesprekId: string
  tokenHash: string
  deviceId: string
  trusted: boolean
  kamer?: undefined
}
/** A jongere in their own kamer: the child role, scoped to that child's gesprekken with setting 'kamer'. */
export type KamerPrincipal = {
  role: 'kind'
  childId: string
  kamer: true
  /**
   * Which of the child's kamers this visit opened (a new invite starts a new one). Always set on a
   * principal from a token; absent only where a token is named to end its sockets.
   */
  kamerId?: string
  tokenHash: string
  gesprekId?: undefined
}
export type KindPrincipal = DevicePrincipal | KamerPrincipal
export type Principal = BegeleiderPrincipal | KindPrincipal
