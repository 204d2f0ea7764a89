// User text for the few library calls that put what they are given into the page as HTML
// (Leaflet's tooltips, popups, icons and attribution; ECharts' tooltip formatters). Names of
// units, users, categories and cases are written by people with lower rights than those who
// read them, so they must reach such a call as a text node or as escaped text, never as markup.
// The lint rule in eslint-rules/no-html-sinks.js accepts only these helpers (or a constant) at
// those calls.

/** An element holding `text` as its only text node: for Leaflet's tooltip, popup and divIcon content. */
export function textElement(text: string, tag: 'span' | 'div' = 'span', className?: string): HTMLElement {
  const element = document.createElement(tag)
  element.textContent = text
  if (className) {
    element.className = className
  }
  return element
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** `text` with the characters that mean something in HTML (text or attribute) replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/**
 * An ECharts tooltip formatter from one that returns plain text: ECharts puts a function
 * formatter's answer into the tooltip as HTML, so the text is escaped (line breaks kept as
 * <br/>). For a canvas label, use a string template ('{b}: {c}') instead: it is not HTML.
 */
export function escapeFormatter<P>(format: (params: P) => string): (params: P) => string {
  return (params) => escapeHtml(format(params)).replace(/\n/g, '<br/>')
}
