import { describe, expect, it } from 'vitest'
import { officesAbove, type ChainUnit } from './forward-targets'

const unit = (id: number, parentId: number | null, kind: ChainUnit['kind'], level: ChainUnit['level']): ChainUnit => ({
  id,
  parentId,
  kind,
  level,
  code: String(id),
  name: `#${id}`,
})

const NETWORK = new Map<number, ChainUnit>(
  [
    unit(1, null, 'division', 'city'),
    unit(2, 1, 'division', 'district'),
    unit(3, 2, 'division', 'street'),
    unit(4, 3, 'division', 'community'),
    unit(5, 1, 'unit', 'city'),
    unit(6, 5, 'section', 'city'),
  ].map((u) => [u.id, u]),
)
const get = (id: number) => Promise.resolve(NETWORK.get(id)!)

describe('officesAbove', () => {
  it('lists every office above a community, the street first and the city last', async () => {
    expect((await officesAbove(4, get)).map((u) => u.level)).toEqual(['street', 'district', 'city'])
  })

  it('has nothing above the city office', async () => {
    expect(await officesAbove(1, get)).toEqual([])
  })

  it('skips units and sections on the way up', async () => {
    expect((await officesAbove(6, get)).map((u) => u.id)).toEqual([1])
  })
})
