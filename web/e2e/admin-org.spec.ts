// End to end: the administrator's org, users and token pages. The admin finds 永前社区 in the
// org tree and sees its grids drawn on the map with no request leaving the server; creates a
// user of their own and gives it a role; creates an API token, sees its secret once (and that
// it works), and revokes it; issues a direct card to a community of its own, refused twice,
// reassigns and revokes it, the table checked against the API. Each scenario makes the users
// (and the community) it needs, named per run.
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, OFFICE_SCREEN, PHONE, loggedInPage, runScenarios, shot } from './support'

const RUN = Date.now().toString(36)

/** Requests to anything but the server under test (data: and blob: URLs stay in the page). */
function foreignRequests(urls: readonly string[]): string[] {
  const origin = new URL(BASE_URL).origin
  return urls.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
}

/** Opens an Element Plus select and picks the option with this text. */
async function choose(page: Page, select: string, option: string, typed?: string): Promise<void> {
  await page.locator(select).click()
  if (typed !== undefined) {
    await page.keyboard.type(typed)
  }
  await page.locator('.el-select-dropdown__item:visible, .el-select-dropdown__option-item:visible', { hasText: option }).first().click()
}

/** Finds 永前社区 through the tree's search and opens it. */
async function openYongqian(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/admin/org`)
  await page.getByRole('heading', { name: '组织机构' }).waitFor()
  await page.locator('[data-test="org-tree"] .el-tree-node').first().waitFor()
  await page.fill('[data-test="org-search"]', '永前社区')
  const hit = page.locator('[data-test="org-search-hit"]', { hasText: /^永前社区/ }).first()
  await hit.waitFor()
  await hit.click()
  await page.locator('[data-test="unit-name"]', { hasText: /^永前社区$/ }).waitFor()
}

async function orgMapShowsTheCommunitysGrids(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  const requests: string[] = []
  page.context().on('request', (request) => requests.push(request.url()))
  await openYongqian(page)
  const paths = page.locator('[data-test="org-map"] .leaflet-overlay-pane svg path')
  await paths.first().waitFor()
  // 永前社区 has three grids, each a polygon and a point.
  assert.ok((await paths.count()) >= 6, `the grids of 永前社区 are drawn (${await paths.count()} paths)`)
  assert.equal(await page.locator('[data-test="org-map"] .leaflet-tile').count(), 0, 'no tile layer by default')
  await page.waitForLoadState('networkidle')
  await shot(page, 'admin-org-1920')
  assert.deepEqual(foreignRequests(requests), [], 'no request left the server')
  // On a phone the map frames the grids again in its narrower box.
  await page.setViewportSize(PHONE)
  await page.locator('[data-test="org-map"]').scrollIntoViewIfNeeded()
  await page.waitForFunction(() => {
    const map = document.querySelector('[data-test="org-map"]')?.getBoundingClientRect()
    const drawn = Array.from(document.querySelectorAll('[data-test="org-map"] .leaflet-overlay-pane path'))
    return (
      map !== undefined &&
      map.width < 360 &&
      drawn.length > 0 &&
      drawn.every((path) => {
        const box = path.getBoundingClientRect()
        return box.left >= map.left - 2 && box.right <= map.right + 2 && box.top >= map.top - 2 && box.bottom <= map.bottom + 2
      })
    )
  })
  await shot(page, 'admin-org-360')
  await page.context().close()
}

async function adminAddsAGridAndDeactivatesIt(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  await openYongqian(page)
  // A community with active grids cannot be deactivated; the server's refusal is said plainly.
  await page.click('[data-test="unit-deactivate"]')
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await page.locator('.el-message', { hasText: '仍有启用的下级单位' }).waitFor()

  const name = `测试网格 ${RUN}`
  await page.click('[data-test="unit-create-child"]')
  await page.fill('[data-test="unit-code"]', `e2e-${RUN}`)
  await page.fill('[data-test="unit-name-input"]', name)
  await page.fill('[data-test="unit-boundary"]', '{"type":"Polygon"')
  await page.click('[data-test="unit-save"]')
  await page.locator('.el-form-item__error', { hasText: '不是有效的 JSON' }).waitFor()
  const ring = [
    [126.5, 43.85],
    [126.501, 43.85],
    [126.501, 43.851],
    [126.5, 43.85],
  ]
  await page.fill('[data-test="unit-boundary"]', JSON.stringify({ type: 'Polygon', coordinates: [ring] }))
  await page.click('[data-test="unit-save"]')

  // The new grid opens, drawn on the map, and can be deactivated.
  await page.locator('[data-test="unit-name"]', { hasText: name }).waitFor()
  await page.locator('[data-test="org-map"] .leaflet-overlay-pane svg path').first().waitFor()
  await page.click('[data-test="unit-deactivate"]')
  await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click()
  await page.locator('[data-test="unit-activate"]').waitFor()
  await shot(page, 'admin-org-new-grid')
  await page.context().close()
}

async function adminCreatesAUserAndAssignsARole(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  const username = `e2e-org-${RUN}`
  await page.goto(`${BASE_URL}/admin/users`)
  await page.getByRole('heading', { name: '用户与角色' }).waitFor()
  await page.click('[data-test="user-create"]')
  // The client checks before sending: a bad username is refused on its field.
  await page.fill('[data-test="user-username"]', 'No Spaces')
  await page.fill('[data-test="user-display-name"]', '测试网格员')
  await page.fill('[data-test="user-password"]', 'secret-pass-1')
  await page.click('[data-test="user-save"]')
  await page.locator('.el-form-item__error', { hasText: '小写字母' }).waitFor()
  await page.fill('[data-test="user-username"]', username)
  await page.fill('[data-test="user-phone"]', '138 0000 0000')
  await page.click('[data-test="user-save"]')

  // Saving a new user opens their roles.
  const drawer = page.locator('[data-test="user-roles"]')
  await drawer.locator('[data-test="user-role-form"]').waitFor()
  await choose(page, '[data-test="user-role-select"]', '网格员')
  await choose(page, '[data-test="user-role-form"] .unit-picker', '永前社区第一网格', '永前社区第一')
  await page.click('[data-test="user-role-add"]')
  const row = drawer.locator('[data-test="user-role-table"] .el-table__row', { hasText: '永前社区第一网格' })
  await row.waitFor()
  assert.match((await row.textContent()) ?? '', /网格员/)
  await shot(page, 'admin-users-roles')

  // The same role twice is refused, and said in Chinese.
  await choose(page, '[data-test="user-role-select"]', '网格员')
  await choose(page, '[data-test="user-role-form"] .unit-picker', '永前社区第一网格', '永前社区第一')
  await page.click('[data-test="user-role-add"]')
  await page.locator('[data-test="user-role-error"]', { hasText: '已有此角色' }).waitFor()
  await page.keyboard.press('Escape')

  await page.fill('[data-test="user-keyword"]', username)
  await page.click('[data-test="user-search-submit"]')
  const userRow = page.locator('[data-test="user-table"] .el-table__row', { hasText: username })
  await userRow.waitFor()
  assert.match((await userRow.textContent()) ?? '', /网格员 · 永前社区第一网格/)
  await page.context().close()
}

async function tokenSecretIsShownOnceAndRevoked(browser: Browser): Promise<void> {
  const api = await ApiSession.login('admin')
  const username = `e2e-token-${RUN}`
  await api.post('/api/v1/users', { username, displayName: '令牌测试用户', phone: '', password: 'secret-pass-1' })

  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  const name = `对接系统 ${RUN}`
  await page.goto(`${BASE_URL}/admin/tokens`)
  await page.getByRole('heading', { name: 'API 令牌' }).waitFor()
  await page.click('[data-test="token-create"]')
  await page.fill('[data-test="token-name"]', name)
  await choose(page, '[data-test="token-form"] .user-select', username, username)
  await page.click('[data-test="token-save"]')

  const dialog = page.locator('[data-test="token-secret-dialog"]')
  await dialog.waitFor()
  assert.match((await dialog.textContent()) ?? '', /无法再次查看/)
  const secret = await page.locator('[data-test="token-secret"]').inputValue()
  assert.ok(secret.length >= 20, 'the secret is shown')
  await shot(page, 'admin-token-secret')
  const asToken = () => fetch(`${BASE_URL}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${secret}` } })
  assert.equal((await asToken()).status, 200, 'the token works')
  await page.click('[data-test="token-secret-close"]')
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(await page.locator(`input[value="${secret}"]`).count(), 0, 'the secret is gone from the page')

  const row = page.locator('[data-test="token-table"] .el-table__row', { hasText: name })
  await row.locator('[data-test="token-revoke"]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '吊销' }).click()
  await row.locator('[data-test="token-status"]', { hasText: '已吊销' }).waitFor()
  assert.equal((await asToken()).status, 401, 'the revoked token stops working')
  await shot(page, 'admin-tokens')
  await page.context().close()
}

interface Card {
  id: number
  number: string
  community: { id: number; name: string }
  holder: { id: number; username: string; displayName: string }
  active: boolean
  revokedAt: string | null
}

/** A community of this run's own under 德胜街道, with two directors: no demo card is touched. */
async function communityWithTwoDirectors(api: ApiSession): Promise<{
  id: number
  code: string
  name: string
  directors: { id: number; displayName: string }[]
}> {
  const streets = await api.get<{ items: { id: number; name: string }[] }>(
    '/api/v1/org/units?level=street&kind=division',
  )
  const street = streets.items.find((unit) => unit.name === '德胜街道')
  assert.ok(street, '德胜街道 is in the demo network')
  const code = `E2E-ZT-${RUN}`
  const name = `直通卡测试社区${RUN}`
  const community = await api.post<{ id: number }>('/api/v1/org/units', {
    code,
    name,
    kind: 'division',
    level: 'community',
    parentId: street.id,
  })
  const directors: { id: number; displayName: string }[] = []
  for (const [suffix, displayName] of [
    ['a', '测试主任甲'],
    ['b', '测试主任乙'],
  ] as const) {
    const user = await api.post<{ id: number }>('/api/v1/users', {
      username: `e2e-dir-${suffix}-${RUN}`,
      displayName,
      phone: '',
      password: 'secret-pass-1',
    })
    await api.post(`/api/v1/users/${user.id}/roles`, { role: 'director', orgUnitId: community.id })
    directors.push({ id: user.id, displayName })
  }
  return { id: community.id, code, name, directors }
}

/** The table's rows as [number, community, holder, status]. */
async function cardRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-test="card-table"] .el-table__body tr.el-table__row')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td')).slice(0, 4).map((cell) => (cell.textContent ?? '').trim())),
    )
}

/** The API's cards as the table shows them, by number. */
function asRows(cards: readonly Card[]): string[][] {
  return cards
    .map((card) => [
      card.number,
      card.community.name,
      `${card.holder.displayName}（${card.holder.username}）`,
      card.active ? '有效' : '已注销',
    ])
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}

async function waitForRows(page: Page, count: number): Promise<string[][]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-test="card-table"] .el-table__body tr.el-table__row').length === n,
    count,
  )
  return (await cardRows(page)).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}

async function directCardIssuedReassignedAndRevoked(browser: Browser): Promise<void> {
  const api = await ApiSession.login('admin')
  const community = await communityWithTwoDirectors(api)
  const [first, second] = community.directors
  assert.ok(first && second)
  const cardsOf = async () =>
    (await api.get<{ items: Card[] }>(`/api/v1/direct-cards?community=${community.id}`)).items

  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  await page.goto(`${BASE_URL}/admin/direct-cards`)
  await page.getByRole('heading', { name: '直通卡' }).waitFor()
  await page.locator('[data-test="card-table"] .el-table__row').first().waitFor()
  assert.equal(await page.locator('[data-test="cards-unavailable"]').count(), 0, 'the server has the card API')

  // Issue: the community's first card, numbered after its code, to the first director.
  const issueForm = page.locator('[data-test="card-issue-form"]')
  const issue = async () => {
    await page.click('[data-test="card-issue"]')
    await issueForm.waitFor()
    await choose(page, '[data-test="card-issue-form"] .unit-picker', community.name, community.name)
    await choose(page, '[data-test="card-issue-form"] [data-test="director-select"]', first.displayName)
    await page.click('[data-test="card-issue-save"]')
  }
  await issue()
  await issueForm.waitFor({ state: 'hidden' })
  let cards = await cardsOf()
  assert.equal(cards.length, 1)
  assert.equal(cards[0]?.number, `ZTK-${community.code}`)
  assert.equal(cards[0]?.holder.id, first.id)
  assert.equal(cards[0]?.active, true)
  const firstRow = page.locator('[data-test="card-table"] .el-table__row', { hasText: community.name })
  await firstRow.waitFor()
  assert.match((await firstRow.textContent()) ?? '', new RegExp(`ZTK-${community.code}.*${first.displayName}.*有效`))

  // A second card for the same community: the server's 409 is said in the dialog.
  await issue()
  await page.locator('[data-test="card-issue-error"]', { hasText: '该社区已有有效的直通卡' }).waitFor()
  await shot(page, 'admin-direct-card-conflict')
  await page.keyboard.press('Escape')
  await issueForm.waitFor({ state: 'hidden' })
  assert.equal((await cardsOf()).length, 1, 'nothing was issued')

  // Reassign to the other director: a new number, the old card revoked with it.
  const reassignForm = page.locator('[data-test="card-reassign-form"]')
  const reassign = async (to: string) => {
    await firstRow.locator('[data-test="card-reassign"]').click()
    await reassignForm.waitFor()
    await choose(page, '[data-test="card-reassign-form"] [data-test="director-select"]', to)
  }
  await reassign(second.displayName)
  assert.equal(await page.locator('[data-test="card-lost-hint"]').count(), 0)
  await page.click('[data-test="card-reassign-save"]')
  await reassignForm.waitFor({ state: 'hidden' })
  cards = await cardsOf()
  assert.equal(cards.length, 2)
  const handedOver = cards.find((card) => card.active)
  assert.equal(handedOver?.holder.id, second.id)
  // A reissued card is numbered ZTK-<community code>-<n> (docs/api.md).
  assert.match(handedOver?.number ?? '', new RegExp(`^ZTK-${community.code}-\\d+$`))
  assert.equal(cards.find((card) => card.number === `ZTK-${community.code}`)?.active, false)
  await firstRow.getByText(second.displayName).waitFor()
  assert.match((await firstRow.textContent()) ?? '', new RegExp(handedOver?.number ?? '-'))

  // The same director again: a replacement for a lost card, said as such.
  await reassign(second.displayName)
  await page.locator('[data-test="card-lost-hint"]').waitFor()
  await shot(page, 'admin-direct-card-reassign')
  await page.click('[data-test="card-reassign-save"]')
  await reassignForm.waitFor({ state: 'hidden' })
  cards = await cardsOf()
  assert.equal(cards.length, 3)
  const replacement = cards.find((card) => card.active)
  assert.equal(replacement?.holder.id, second.id)
  assert.notEqual(replacement?.number, handedOver?.number)
  await firstRow.getByText(replacement?.number ?? '-', { exact: true }).waitFor()

  // Revoke: no active card is left, and the active list no longer shows the community.
  await firstRow.locator('[data-test="card-revoke"]').click()
  await page.locator('.el-message-box').getByRole('button', { name: '注销' }).click()
  await firstRow.waitFor({ state: 'detached' })
  cards = await cardsOf()
  assert.equal(cards.filter((card) => card.active).length, 0, 'no active card is left')
  assert.ok(cards.every((card) => card.revokedAt !== null))
  const active = await api.get<{ items: Card[] }>(`/api/v1/direct-cards?community=${community.id}&active=true`)
  assert.deepEqual(active.items, [])

  // All the community's cards, as the table and the API have them.
  await choose(page, '[data-test="card-search"] .unit-picker', community.name, community.name)
  await choose(page, '[data-test="card-search"] .status-select', '全部')
  await page.locator('[data-test="card-search"] button[type="submit"]').click()
  assert.deepEqual(await waitForRows(page, 3), asRows(cards))
  await shot(page, 'admin-direct-cards')

  // The demo director's own card (the direct-card intake needs it) was never touched.
  const demo = await api.get<{ items: Card[] }>('/api/v1/direct-cards?active=true')
  assert.ok(
    demo.items.some((card) => card.holder.username === 'director'),
    'the demo director still holds an active card',
  )
  await page.context().close()
}

async function usersPageFitsAPhone(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', PHONE)
  await page.goto(`${BASE_URL}/admin/users`)
  await page.locator('[data-test="user-table"] .el-table__row').first().waitFor()
  await page.click('[data-test="user-create"]')
  await page.locator('[data-test="user-form"]').waitFor()
  await shot(page, 'admin-users-360')
  await page.context().close()
}

await runScenarios({
  orgMapShowsTheCommunitysGrids,
  adminAddsAGridAndDeactivatesIt,
  adminCreatesAUserAndAssignsARole,
  tokenSecretIsShownOnceAndRevoked,
  directCardIssuedReassignedAndRevoked,
  usersPageFitsAPhone,
})
