/** Who is asking. There is deliberately no parent principal (SEC-07). */
export type BegeleiderPrincipal = {
  role: 'begeleider'
  begeleiderId: string
  organisationId: string
  teamId: string
  admin: boolean
  displayName: string
  sessionHash: string
}
export type KindPrincipal = { role: 'kind'; childId: string; gesprekId: string; tokenHash: string }
export type Principal = BegeleiderPrincipal | KindPrincipal
