import { describe, expect, it } from 'vitest'
import { chineseNumeral } from './chinese-numeral'

describe('chineseNumeral', () => {
  it('numbers sections as the PDF does', () => {
    expect([1, 2, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十一', '九十九'])
    expect(chineseNumeral(100)).toBe('100')
  })
})
