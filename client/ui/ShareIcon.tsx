import type { ShareLevel } from '../../dialogs/sharing'

/**
 * The four sharing levels, each its own shape so they differ without colour (ui.md):
 * a closed lock, the begeleider, the begeleider speaking to a parent, the child speaking to a parent.
 */
export function ShareIcon({ level, size = 40 }: { level: ShareLevel; size?: number }) {
  return (
    <svg
      viewBox="0 0 48 48"
      width={size}
      height={size}
      aria-hidden="true"
      className={`share-icon share-icon--${level}`}
    >
      {level === 'alleen-ik' && (
        <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round">
          <rect x="12" y="21" width="24" height="19" rx="3" fill="currentColor" fillOpacity="0.15" />
          <path d="M17 21v-5a7 7 0 0 1 14 0v5" />
          <circle cx="24" cy="30" r="2.5" fill="currentColor" />
        </g>
      )}
      {level === 'begeleider' && (
        <g fill="none" stroke="currentColor" strokeWidth="3">
          <circle cx="24" cy="17" r="8" fill="currentColor" fillOpacity="0.15" />
          <path d="M10 41c1-8 7-12 14-12s13 4 14 12" strokeLinecap="round" />
        </g>
      )}
      {level === 'begeleider-vertelt' && (
        <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="14" cy="20" r="6" fill="currentColor" fillOpacity="0.15" />
          <path d="M4 40c1-6 5-9 10-9s9 3 10 9" />
          <path d="M26 6h17v11h-9l-4 4v-4h-4z" fill="currentColor" fillOpacity="0.15" />
          <circle cx="38" cy="31" r="4" />
          <path d="M31 42c1-4 3-6 7-6s6 2 7 6" />
        </g>
      )}
      {level === 'zelf-vertellen' && (
        <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="13" cy="24" r="4.5" fill="currentColor" fillOpacity="0.15" />
          <path d="M6 41c1-5 3-8 7-8s6 3 7 8" />
          <path d="M20 6h17v11h-9l-4 4v-4h-4z" fill="currentColor" fillOpacity="0.15" />
          <circle cx="37" cy="27" r="5.5" />
          <path d="M28 42c1-5 4-8 9-8s8 3 9 8" />
        </g>
      )}
    </svg>
  )
}
