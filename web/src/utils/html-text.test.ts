import { afterEach, describe, expect, it, vi } from 'vitest'
import { escapeFormatter, escapeHtml, textElement } from './html-text'

const PAYLOAD = '<img src=x onerror="window.__xss=1">'

describe('escapeHtml', () => {
  it.each([
    [PAYLOAD, '&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;'],
    ['"><script>alert(1)</script>', '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ["O'Brien & 子", 'O&#39;Brien &amp; 子'],
    ['&amp;', '&amp;amp;'],
    ['永前社区 {{ 7*7 }}', '永前社区 {{ 7*7 }}'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected)
  })
})

describe('escapeFormatter', () => {
  it('escapes the text a formatter returns and keeps its line breaks', () => {
    const format = escapeFormatter((params: { name: string; value: number }) => `${params.name}\n${params.value} 件`)
    expect(format({ name: PAYLOAD, value: 3 })).toBe('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;<br/>3 件')
  })
})

describe('textElement', () => {
  // Vitest runs in Node: a stand-in document records what the helper does to the element.
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function stubDocument() {
    const created: Record<string, unknown>[] = []
    vi.stubGlobal('document', {
      createElement(tag: string) {
        const element: Record<string, unknown> = { tagName: tag.toUpperCase() }
        Object.defineProperty(element, 'innerHTML', {
          set() {
            throw new Error('innerHTML must not be written')
          },
        })
        created.push(element)
        return element
      },
    })
    return created
  }

  it('puts the text in as text, never as markup', () => {
    const created = stubDocument()
    const element = textElement(PAYLOAD) as unknown as Record<string, unknown>
    expect(created).toHaveLength(1)
    expect(element.tagName).toBe('SPAN')
    expect(element.textContent).toBe(PAYLOAD)
  })

  it('takes the tag and class asked for', () => {
    stubDocument()
    const element = textElement('德胜街道', 'div', 'org-map__label') as unknown as Record<string, unknown>
    expect(element.tagName).toBe('DIV')
    expect(element.className).toBe('org-map__label')
  })
})
