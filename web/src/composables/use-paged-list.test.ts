import { describe, expect, it, vi } from 'vitest'
import { onePage, usePagedList, type ListPage } from './use-paged-list'

// Pages of two from 1..5.
const fetchPage = (index: number): Promise<ListPage<number>> => {
  const all = [1, 2, 3, 4, 5]
  return Promise.resolve({ items: all.slice(index * 2, index * 2 + 2), hasNext: index * 2 + 2 < all.length })
}

describe('usePagedList', () => {
  it('walks the pages', async () => {
    const list = usePagedList(fetchPage)
    await list.reload()
    expect(list.items.value).toEqual([1, 2])
    expect(list.hasPrev.value).toBe(false)
    await list.next()
    await list.next()
    expect(list.items.value).toEqual([5])
    expect(list.pageNumber.value).toBe(3)
    expect(await list.next()).toBe(false)
    await list.prev()
    expect(list.items.value).toEqual([3, 4])
    await list.retry()
    expect(list.pageIndex.value).toBe(1)
  })

  it('empties a filtered list on a failure, and keeps a pager on its page', async () => {
    const fetch = vi.fn<(index: number) => Promise<ListPage<number>>>(fetchPage)
    const filtered = usePagedList(fetch)
    const pager = usePagedList(fetch, { keepOnError: true })
    await filtered.reload()
    await pager.reload()
    fetch.mockRejectedValue(new Error('down'))
    expect(await filtered.reload()).toBe(false)
    await pager.reload()
    expect(filtered.items.value).toEqual([])
    expect(pager.items.value).toEqual([1, 2])
    expect(pager.error.value).toBeInstanceOf(Error)
    expect(pager.loading.value).toBe(false)
  })

  it('shows only the answer to the latest request and tells `accept` of it alone', async () => {
    let release: (page: ListPage<number>) => void = () => undefined
    const slow = new Promise<ListPage<number>>((resolve) => {
      release = resolve
    })
    const accept = vi.fn()
    const fetch = vi
      .fn<(index: number) => Promise<ListPage<number>>>()
      .mockReturnValueOnce(slow)
      .mockResolvedValueOnce({ items: [9], hasNext: false })
    const list = usePagedList(fetch, { accept })
    const first = list.reload()
    await list.reload()
    release({ items: [1], hasNext: false })
    expect(await first).toBe(false)
    expect(list.items.value).toEqual([9])
    expect(accept).toHaveBeenCalledTimes(1)
  })

  it('reads a whole list as one page', async () => {
    const list = usePagedList(onePage(() => Promise.resolve({ items: ['a', 'b'] })))
    await list.reload()
    expect(list.items.value).toEqual(['a', 'b'])
    expect(list.hasNext.value).toBe(false)
  })
})
