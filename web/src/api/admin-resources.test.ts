import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listDirectCards, reassignDirectCard } from './direct-cards'
import { createToken, removeToken } from './tokens'
import { getWebSettings } from './web-settings'
import { ApiError, configureHttp } from './http'

type FetchArgs = [input: string, init: RequestInit]
const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>()

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

const notFound = (reason: string) =>
  jsonResponse(404, { error: { status: 404, reason, message: 'x', fields: [], requestId: 'r1' } })

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  configureHttp({ csrfToken: () => 'csrf', onUnauthorized: () => undefined })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('getWebSettings', () => {
  it('reads the tile server', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { mapTileUrl: '/tiles/{z}/{x}/{y}.png', mapAttribution: '© 测绘院' }))
    expect(await getWebSettings()).toEqual({ mapTileUrl: '/tiles/{z}/{x}/{y}.png', mapAttribution: '© 测绘院' })
  })

  it('takes a server without the route for one with nothing set', async () => {
    fetchMock.mockResolvedValue(notFound('route.not_found'))
    expect(await getWebSettings()).toEqual({ mapTileUrl: '', mapAttribution: '' })
  })

  it('fills in fields the server left out', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { mapTileUrl: '/t/{z}/{x}/{y}.png' }))
    expect(await getWebSettings()).toEqual({ mapTileUrl: '/t/{z}/{x}/{y}.png', mapAttribution: '' })
  })

  it('still fails on other errors', async () => {
    fetchMock.mockResolvedValue(jsonResponse(503, { error: { status: 503, reason: 'service.unavailable', message: 'x', fields: [], requestId: '' } }))
    await expect(getWebSettings()).rejects.toBeInstanceOf(ApiError)
  })
})

describe('requests', () => {
  it('lists direct cards by community and state', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { items: [] }))
    await listDirectCards({ community: 4, active: false })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/direct-cards?community=4&active=false')
  })

  it('reassigns with the new holder only', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 2 }))
    await reassignDirectCard(1, 9)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect([url, init?.method, init?.body]).toEqual(['/api/v1/direct-cards/1/reassign', 'POST', '{"holderId":9}'])
  })

  it('creates and revokes tokens with the CSRF header', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(201, { id: 3, token: 'secret' }))
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    expect((await createToken({ name: '对接', userId: 5 })).token).toBe('secret')
    await removeToken(3)
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/v1/tokens/3')
    expect(fetchMock.mock.calls[1]?.[1].method).toBe('DELETE')
    expect((fetchMock.mock.calls[1]?.[1].headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf')
  })
})
