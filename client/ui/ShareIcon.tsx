import type { ShareLevel } from '../../dialogs/sharing'

/**
 * The four sharing levels, each its own shape so they differ without colour (ui.md):
 * a closed lock, the begeleider, the begeleider speaking to a parent (two adults, a square bubble), the
 * child speaking for itself (one small figure, a big round bubble).
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
      {/* One small figure with its own big round bubble: unlike "begeleider vertelt" (two adults, a square bubble). */}
      {level === 'zelf-vertellen' && (
        <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="29" r="4.5" fill="currentColor" fillOpacity="0.15" />
          <path d="M5 44c1-5 3-7.5 7-7.5s6 2.5 7 7.5" />
          <path
            d="M19 22c-2-9 4-17 13-17s14 6 14 12-6 12-14 12c-2 0-4 0-6-1l-6 3z"
            fill="currentColor"
            fillOpacity="0.15"
          />
          <circle cx="26" cy="17" r="1.2" fill="currentColor" />
          <circle cx="32" cy="17" r="1.2" fill="currentColor" />
          <circle cx="38" cy="17" r="1.2" fill="currentColor" />
        </g>
      )}
    </svg>
  )
}
