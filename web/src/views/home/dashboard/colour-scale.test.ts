import { describe, expect, it } from 'vitest'
import { colourScale, PALETTE, ZERO_COLOUR } from './colour-scale'

describe('the map’s colour scale', () => {
  it('splits the counts into five whole-number classes, darkest at the top', () => {
    const scale = colourScale([3, 50, 12, 0])
    expect(scale.steps.map((s) => [s.from, s.to])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 40],
      [41, 50],
    ])
    expect(scale.steps.map((s) => s.colour)).toEqual([...PALETTE])
    expect(scale.colourOf(50)).toBe(PALETTE[4])
    expect(scale.colourOf(10)).toBe(PALETTE[0])
    expect(scale.colourOf(11)).toBe(PALETTE[1])
  })

  it('gives no cases their own pale colour', () => {
    expect(colourScale([0, 4]).colourOf(0)).toBe(ZERO_COLOUR)
  })

  it('uses one class per count for small counts, ending on the darkest', () => {
    const scale = colourScale([1, 2])
    expect(scale.steps).toEqual([
      { from: 1, to: 1, colour: PALETTE[3] },
      { from: 2, to: 2, colour: PALETTE[4] },
    ])
  })

  it('has no classes when nothing was counted', () => {
    const scale = colourScale([])
    expect(scale.steps).toEqual([])
    expect(scale.colourOf(0)).toBe(ZERO_COLOUR)
  })

  it('keeps the last class to the maximum when it does not divide evenly', () => {
    const scale = colourScale([7])
    expect(scale.steps.map((s) => [s.from, s.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 7],
    ])
    expect(scale.colourOf(7)).toBe(PALETTE[4])
  })
})
