/**
 * Fetches the code of the screen after this one without running it. The route's HTML names its files
 * (`<meta name="kg-prefetch">`, server/http/static.ts): each script becomes a `modulepreload` link (the
 * browser fetches and compiles it; it runs only when the screen imports it), each style sheet a
 * `prefetch`. Run on the kamer's PIN screen, the room's modules (the contract's schemas among them)
 * took the main thread for a long moment right after the first paint. Once per page; nothing is
 * stored but the code's own files in the browser's cache.
 */
export function prefetchNextScreen(): void {
  // A task of its own once the screen is idle: each link costs the main thread a little.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(addLinks)
  else setTimeout(addLinks, 0)
}

function addLinks(): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="kg-prefetch"]')
  if (!meta) return
  meta.remove()
  for (const href of meta.content.split(' ').filter(Boolean)) {
    const link = document.createElement('link')
    link.rel = href.endsWith('.css') ? 'prefetch' : 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    document.head.append(link)
  }
}
