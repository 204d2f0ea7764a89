import { describe, expect, it, vi } from 'vitest'
import type { KeysetPage } from '@/api/types'
import { useKeysetPaging } from './use-keyset-paging'

// Three pages of two: 1 2 | 3 4 | 5
function pages(): (cursor: string | undefined) => Promise<KeysetPage<number>> {
  const all = [1, 2, 3, 4, 5]
  return vi.fn((cursor: string | undefined) => {
    const start = cursor ? Number(cursor) : 0
    const items = all.slice(start, start + 2)
    const next = start + 2 < all.length ? String(start + 2) : null
    return Promise.resolve({ items, nextCursor: next })
  })
}

describe('useKeysetPaging', () => {
  it('walks forward and back with the cursors it was given', async () => {
    const load = pages()
    const paging = useKeysetPaging(load)
    await paging.reload()
    expect(paging.items.value).toEqual([1, 2])
    expect(paging.hasPrev.value).toBe(false)
    await paging.next()
    await paging.next()
    expect(paging.items.value).toEqual([5])
    expect(paging.pageNumber.value).toBe(3)
    expect(paging.hasNext.value).toBe(false)
    await paging.prev()
    expect(paging.items.value).toEqual([3, 4])
    expect(load).toHaveBeenLastCalledWith('2')
    await paging.reload()
    expect(paging.pageNumber.value).toBe(1)
    expect(load).toHaveBeenLastCalledWith(undefined)
  })

  it('keeps the error and the page on a failure', async () => {
    const paging = useKeysetPaging<number>(() => Promise.reject(new Error('down')))
    await paging.reload()
    expect(paging.error.value).toBeInstanceOf(Error)
    expect(paging.loading.value).toBe(false)
    expect(paging.items.value).toEqual([])
  })

  it('shows only the answer to the latest request', async () => {
    let release: (page: KeysetPage<number>) => void = () => undefined
    const slow = new Promise<KeysetPage<number>>((resolve) => {
      release = resolve
    })
    const load = vi
      .fn<(cursor: string | undefined) => Promise<KeysetPage<number>>>()
      .mockReturnValueOnce(slow)
      .mockResolvedValueOnce({ items: [9], nextCursor: null })
    const paging = useKeysetPaging(load)
    const first = paging.reload()
    await paging.reload()
    release({ items: [1], nextCursor: null })
    await first
    expect(paging.items.value).toEqual([9])
  })
})
