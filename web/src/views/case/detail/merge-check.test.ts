import { describe, expect, it } from 'vitest'
import type { OrgRef } from '@/api/types'
import { mergeDifferences, type MergeSide } from './merge-check'

const office = (id: number, name: string): OrgRef => ({ id, name, code: String(id), kind: 'division', level: 'community' })
const heating: MergeSide = {
  categoryCode: '0301',
  categoryName: '供暖',
  origin: office(4, '永前社区'),
  location: { address: '船营区德胜街道永前小区', gridId: null, lat: null, lng: null },
}

describe('mergeDifferences', () => {
  it('finds nothing between alike cases', () => {
    expect(mergeDifferences(heating, { ...heating })).toEqual([])
  })

  it('names the categories and the places that differ', () => {
    const water: MergeSide = { ...heating, categoryCode: '0402', categoryName: '供水', origin: office(9, '北山社区') }
    expect(mergeDifferences(heating, water)).toEqual([
      { what: 'category', mine: '供暖', theirs: '供水' },
      { what: 'place', mine: '永前社区 · 船营区德胜街道永前小区', theirs: '北山社区 · 船营区德胜街道永前小区' },
    ])
  })
})
