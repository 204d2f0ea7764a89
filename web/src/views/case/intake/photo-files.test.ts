import { describe, expect, it } from 'vitest'
import { choosePhotos, formatBytes, MAX_PHOTOS } from './photo-files'

const file = (name: string, size: number, type = 'image/jpeg') => ({ name, size, type })

describe('choosePhotos', () => {
  it('keeps images within the limit and says why the others are refused', () => {
    const choice = choosePhotos([file('a.jpg', 100), file('b.pdf', 100, 'application/pdf'), file('c.jpg', 2000)], 0, 1000)
    expect(choice.accepted.map((f) => f.name)).toEqual(['a.jpg'])
    expect(choice.refused.map((r) => `${r.file.name}:${r.reason}`)).toEqual(['b.pdf:not_image', 'c.jpg:too_large'])
  })

  it('stops at the most photos a case takes, counting those kept already', () => {
    const choice = choosePhotos([file('a.jpg', 1), file('b.jpg', 1)], MAX_PHOTOS - 1)
    expect(choice.accepted).toHaveLength(1)
    expect(choice.refused[0]?.reason).toBe('too_many')
  })
})

describe('formatBytes', () => {
  it.each([
    [10, '1 KB'],
    [850 * 1024, '850 KB'],
    [10 * 1024 * 1024, '10.0 MB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text))
})
