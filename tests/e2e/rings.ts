import type { Page } from 'playwright-core'

/**
 * Every person of a network picture whose mark or name sticks out of the ring of their own circle,
 * measured in the browser in the picture's own units (the font's real letters, not a guess). The
 * picture marks its rings `data-ring` and its people `data-circle`; "ik" is its first other circle.
 */
export function outsideTheirRing(page: Page, svgSelector: string, personSelector: string): Promise<string[]> {
  return page.evaluate(
    ([svgSel, personSel]) => {
      const svg = document.querySelector<SVGSVGElement>(svgSel!)!
      const c = svg.viewBox.baseVal.width / 2
      const ring = (n: number) => Number(svg.querySelector(`[data-ring="${n}"]`)!.getAttribute('r'))
      const meR = Number(svg.querySelector(':scope > circle:not([data-ring])')!.getAttribute('r'))
      const bad: string[] = []
      for (const g of svg.querySelectorAll<SVGGElement>(personSel!)) {
        const n = Number(g.dataset.circle)
        const inner = n === 1 ? meR : ring(n - 1)
        const outer = ring(n)
        const m = g.transform.baseVal.consolidate()!.matrix
        const b = g.getBBox()
        const [x0, x1, y0, y1] = [m.e + b.x - c, m.e + b.x + b.width - c, m.f + b.y - c, m.f + b.y + b.height - c]
        const far = Math.hypot(Math.max(Math.abs(x0), Math.abs(x1)), Math.max(Math.abs(y0), Math.abs(y1)))
        const near = Math.hypot(Math.min(Math.max(0, x0), x1), Math.min(Math.max(0, y0), y1))
        if (far > outer || near < inner)
          bad.push(`${g.textContent} in circle ${n}: ${near.toFixed(0)}-${far.toFixed(0)} not in ${inner}-${outer}`)
      }
      return bad
    },
    [svgSelector, personSelector],
  )
}
