import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { buildXlsx, columnName, escapeXml, sheetName } from './xlsx'

// The test environment has no DOMParser: a strict check of what the writer may produce
// (declaration, elements, double-quoted attributes, the five entities, no stray markup).
function assertWellFormed(xml: string): void {
  let rest = xml.replace(/^<\?xml [^?]*\?>\n?/, '')
  const open: string[] = []
  let roots = 0
  const name = '[A-Za-z_][\\w.:-]*'
  const attr = `\\s+${name}="[^"<]*"`
  const tag = new RegExp(`^<(/?)(${name})((?:${attr})*)\\s*(/?)>`)
  const checkText = (text: string) => {
    if (/[<>]/.test(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''))) {
      throw new Error(`markup in text: ${text.slice(0, 40)}`)
    }
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) {
      throw new Error(`bare ampersand: ${text.slice(0, 40)}`)
    }
    const forbidden = [...text].some((c) => {
      const code = c.codePointAt(0)!
      return (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff
    })
    if (forbidden) {
      throw new Error('a character XML 1.0 forbids')
    }
  }
  while (rest.length > 0) {
    const lt = rest.indexOf('<')
    if (lt !== 0) {
      const text = lt < 0 ? rest : rest.slice(0, lt)
      if (open.length === 0 && text.trim() !== '') throw new Error('text outside the root')
      checkText(text)
      rest = lt < 0 ? '' : rest.slice(lt)
      continue
    }
    const match = tag.exec(rest)
    if (!match) throw new Error(`malformed tag at: ${rest.slice(0, 60)}`)
    const [whole, closing, tagName, attrs, selfClosing] = match
    checkText((attrs ?? '').replace(/="([^"]*)"/g, (_, v: string) => `="${v.replace(/[<>]/g, '')}"`))
    if (closing) {
      if (open.pop() !== tagName) throw new Error(`</${tagName}> closes the wrong element`)
    } else {
      if (open.length === 0) roots++
      if (!selfClosing) open.push(tagName!)
    }
    rest = rest.slice(whole.length)
  }
  if (open.length > 0) throw new Error(`unclosed: ${open.join(' > ')}`)
  if (roots !== 1) throw new Error(`${roots} root elements`)
}

const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
]

function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]))
}

describe('the checker itself', () => {
  it('rejects broken XML', () => {
    expect(() => assertWellFormed('<a><b></a></b>')).toThrow()
    expect(() => assertWellFormed('<a>x & y</a>')).toThrow()
    expect(() => assertWellFormed('<a t="1"></a><b/>')).toThrow()
    expect(() => assertWellFormed('<a>\u0001</a>')).toThrow()
    expect(() => assertWellFormed('<a x=1/>')).toThrow()
    expect(() => assertWellFormed('<a x="1"><b/>&amp;</a>')).not.toThrow()
  })
})

describe('buildXlsx', () => {
  const bytes = buildXlsx({
    name: '案件列表',
    columns: [
      { header: '编号', width: 16 },
      { header: '标题', width: 40 },
      { header: '件数', width: 8 },
    ],
    rows: [
      ['2026-0000001', '暖气不热 <三号楼> & "五单元"', 3],
      ['2026-0000002', 'bell\u0007 and tab\there\u{1F525}', null],
      ['2026-0000003', '', 0],
    ],
  })
  const files = unzip(bytes)

  it('is a zip with every part of a workbook, each well-formed', () => {
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
    expect(Object.keys(files).sort()).toEqual([...PARTS].sort())
    for (const part of PARTS) {
      expect(() => assertWellFormed(files[part]!), part).not.toThrow()
    }
  })

  it('names the parts in the content types and relationships', () => {
    expect(files['[Content_Types].xml']).toContain('PartName="/xl/worksheets/sheet1.xml"')
    expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"')
    expect(files['xl/_rels/workbook.xml.rels']).toContain('Target="worksheets/sheet1.xml"')
    expect(files['xl/_rels/workbook.xml.rels']).toContain('Target="styles.xml"')
    expect(files['xl/workbook.xml']).toContain('<sheet name="案件列表" sheetId="1" r:id="rId1"/>')
  })

  it('writes a bold header row and the column widths', () => {
    const sheet = files['xl/worksheets/sheet1.xml']!
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">编号</t></is></c>')
    expect(sheet).toContain('<col min="2" max="2" width="40" customWidth="1"/>')
    expect(files['xl/styles.xml']).toMatch(/<font><b\/>/)
    expect(files['xl/styles.xml']).toContain('fontId="1"')
  })

  it('escapes text, drops characters XML forbids and keeps numbers as numbers', () => {
    const sheet = files['xl/worksheets/sheet1.xml']!
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t xml:space="preserve">暖气不热 &lt;三号楼&gt; &amp; &quot;五单元&quot;</t></is></c>')
    expect(sheet).toContain('<c r="C2"><v>3</v></c>')
    expect(sheet).toContain('bell and tab\there\u{1F525}')
    expect(sheet).not.toContain('\u0007')
    expect(sheet).toContain('<c r="C4"><v>0</v></c>')
    expect(sheet).not.toContain('r="B4"')
    expect(sheet).toContain('<row r="4">')
  })
})

describe('helpers', () => {
  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('escapes the five XML specials and strips lone surrogates', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;\'&lt;/a&gt;')
    expect(escapeXml('a\uD800b\u0000c')).toBe('abc')
  })

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('案件[2026]/11:*?')).toBe('案件 2026  11')
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
    expect(sheetName('  ')).toBe('Sheet1')
  })
})
