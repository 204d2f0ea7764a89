import { describe, expect, it } from 'vitest'
import { pageOf, pageQuery } from './offset-page'

describe('offset paging', () => {
  it('asks for one row more than a page', () => {
    expect(pageQuery(0, 20)).toEqual({ limit: 21, offset: 0 })
    expect(pageQuery(2, 20)).toEqual({ limit: 21, offset: 40 })
  })

  it('shows a page and knows whether another follows', () => {
    expect(pageOf([1, 2, 3], 2)).toEqual({ items: [1, 2], hasNext: true })
    expect(pageOf([1, 2], 2)).toEqual({ items: [1, 2], hasNext: false })
    expect(pageOf([], 2)).toEqual({ items: [], hasNext: false })
  })
})
