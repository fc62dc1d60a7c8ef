import { useRef, useState, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DrawingStrokes } from '../../ui/DrawingView'

export type Strokes = [number, number][][]
const MAX_STROKES = 60
const MAX_POINTS = 400
const MIN_STEP = 6 // in the 0..1000 box: fewer points, same line

/**
 * A simple pointer drawing pad (finger, pen or mouse). Strokes are kept in a 0..1000 box so a
 * drawing looks the same on every screen, within the limits the contract allows (items.ts Drawing).
 */
export function DrawingPad({ strokes, onChange }: { strokes: Strokes; onChange: (s: Strokes) => void }) {
  const { t } = useTranslation('steps')
  const svg = useRef<SVGSVGElement>(null)
  const [current, setCurrent] = useState<[number, number][] | null>(null)

  const point = (e: PointerEvent): [number, number] => {
    const box = svg.current!.getBoundingClientRect()
    const clamp = (v: number) => Math.max(0, Math.min(1000, Math.round(v)))
    return [clamp(((e.clientX - box.left) / box.width) * 1000), clamp(((e.clientY - box.top) / box.height) * 1000)]
  }
  const finish = () => {
    if (current && current.length > 0 && strokes.length < MAX_STROKES) onChange([...strokes, current])
    setCurrent(null)
  }

  return (
    <div className="drawing-pad">
      <svg
        ref={svg}
        viewBox="0 0 1000 1000"
        className="drawing-pad__canvas"
        role="img"
        aria-label={t('steps:drawing.pad')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          setCurrent([point(e)])
        }}
        onPointerMove={(e) => {
          if (!current || current.length >= MAX_POINTS) return
          const p = point(e)
          const last = current[current.length - 1]!
          if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) setCurrent([...current, p])
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      >
        <rect width="1000" height="1000" fill="#fffdf8" />
        <DrawingStrokes strokes={current ? [...strokes, current] : strokes} />
      </svg>
      <div className="drawing-pad__tools">
        <button
          type="button"
          className="btn btn--soft btn--small"
          disabled={strokes.length === 0}
          onClick={() => onChange(strokes.slice(0, -1))}
        >
          {t('steps:drawing.undo')}
        </button>
        <button
          type="button"
          className="btn btn--soft btn--small"
          disabled={strokes.length === 0}
          onClick={() => onChange([])}
        >
          {t('steps:drawing.clear')}
        </button>
      </div>
    </div>
  )
}
