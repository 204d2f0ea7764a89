import { describe, expect, it } from 'vitest'
import { characterCount, checkLine, hasControlCharacters, utf8Bytes } from './text-rules'

describe('checkLine', () => {
  it('wants something other than spaces when required', () => {
    expect(checkLine('  ', 10, true)).toEqual({ key: 'org.validation.required' })
    expect(checkLine('', 10, false)).toBeNull()
  })

  it('refuses line breaks and control characters', () => {
    expect(checkLine('a\nb', 10, false)).toEqual({ key: 'org.validation.singleLine' })
    expect(checkLine('a\u0085b', 10, false)).toEqual({ key: 'org.validation.singleLine' })
    expect(hasControlCharacters('永前社区 第一网格')).toBe(false)
  })

  it('counts code points as the server does', () => {
    expect(characterCount('𠀀𠀀')).toBe(2)
    expect(checkLine('𠀀𠀀', 2, true)).toBeNull()
    expect(checkLine('永前社区', 3, true)).toEqual({ key: 'org.validation.tooLong', named: { max: 3 } })
  })

  it('measures UTF-8 bytes', () => {
    expect(utf8Bytes('ab')).toBe(2)
    expect(utf8Bytes('令牌')).toBe(6)
  })
})
