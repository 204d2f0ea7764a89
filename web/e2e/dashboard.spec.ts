// End to end: the dashboard, 首页 of the leader and of the city and district offices. The leader
// logs in at `/` and sees the figures, the trends, the map with its legend and table, and the
// top concerns; each number opens the case list, whose 共 N 件 is that number (this month's
// figure, a district's count in the table, an area on the map). The district office sees its
// own district only: its month is its case list's month. Photographs at 1280, 768 and 360 px
// (test-results/dashboard-<user>-<width>.png), and the weight of what the page loaded.
import assert from 'node:assert/strict'
import type { Browser, Page, Request } from 'playwright-core'
import { ApiSession, BASE_URL, DESKTOP, PHONE, fitsThePhone, newContext, runScenarios, shot } from './support'

const TABLET = { width: 768, height: 1024 }

interface Stats {
  from: string
  to: string
  total: { count: number; cases: string }
}

/** Opens `/`, logs in on the page it is sent to, and waits for the dashboard's figures. */
async function dashboardAs(browser: Browser, username: string, viewport = DESKTOP): Promise<Page> {
  const context = await newContext(browser, viewport)
  const page = await context.newPage()
  await page.goto(`${BASE_URL}/`)
  await page.waitForURL((url) => url.pathname === '/login')
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', 'minqing-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/')
  await page.locator('[data-test="home-dashboard"]').waitFor()
  await page.locator('[data-test="figure-month-count"]').waitFor()
  return page
}

async function countOf(page: Page, selector: string): Promise<number> {
  const value = await page.locator(selector).first().getAttribute('data-count')
  assert.ok(value !== null, `${selector} carries its count`)
  return Number(value)
}

/** Clicks a number and waits for the case list to say how many it shows: that number. */
async function opensExactlyItsCases(page: Page, link: ReturnType<Page['locator']>, what: string): Promise<string> {
  const expected = Number(await link.getAttribute('data-count'))
  await link.click()
  await page.waitForURL((url) => url.pathname === '/cases')
  const total = page.locator('[data-test="case-total"]')
  await total.waitFor()
  const shown = Number(await total.getAttribute('data-total'))
  assert.equal(shown, expected, `${what}: the case list shows ${shown} cases, the figure said ${expected} (${page.url()})`)
  assert.match((await total.textContent()) ?? '', new RegExp(`共 ${expected} 件`))
  return page.url()
}

/**
 * A photograph of the whole dashboard at this width: the layout scrolls inside its main area,
 * so the window is made as tall as the page for the shot (charts draw what is in view only).
 */
async function tallShot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 })
  await page.waitForTimeout(300)
  const height = await page.evaluate(() => {
    const main = document.querySelector('.layout__main')
    const dashboard = document.querySelector('[data-test="home-dashboard"]')
    return Math.ceil((dashboard?.getBoundingClientRect().height ?? 0) + (main?.getBoundingClientRect().top ?? 0) + 48)
  })
  await page.setViewportSize({ width, height: Math.max(900, height) })
  await page.waitForTimeout(600)
  await shot(page, name)
  await page.setViewportSize({ width, height: 900 })
}

/** The JS and CSS the page transferred so far, in bytes (the encoded bodies). */
async function weight(page: Page, requests: Request[]): Promise<{ js: number; css: number; files: string[] }> {
  let js = 0
  let css = 0
  const files: string[] = []
  for (const request of requests) {
    const url = new URL(request.url())
    if (!/\.(js|css)$/.test(url.pathname)) continue
    const sizes = await request.sizes().catch(() => null)
    const bytes = sizes ? sizes.responseBodySize : 0
    if (url.pathname.endsWith('.js')) js += bytes
    else css += bytes
    files.push(`${url.pathname} ${bytes}`)
  }
  void page
  return { js, css, files }
}

async function leaderSeesTheDashboard(browser: Browser): Promise<void> {
  const context = await newContext(browser, DESKTOP)
  const page = await context.newPage()
  const requests: Request[] = []
  page.on('requestfinished', (request) => requests.push(request))
  await page.goto(`${BASE_URL}/`)
  await page.waitForURL((url) => url.pathname === '/login')
  await page.fill('input[name="username"]', 'leader')
  await page.fill('input[name="password"]', 'minqing-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/')
  await page.locator('[data-test="home-dashboard"]').waitFor()

  // The figures are the server's: this month's is the statistics' total for the month so far.
  await page.locator('[data-test="figure-month-count"]').waitFor()
  const api = await ApiSession.login('leader')
  const month = await api.get<Stats>('/api/v1/stats/cases')
  assert.equal(await countOf(page, '[data-test="figure-month-count"]'), month.total.count, 'this month is the server’s month so far')
  for (const figure of ['today', 'yesterday', 'open', 'overdue']) {
    await page.locator(`[data-test="figure-${figure}-count"]`).waitFor()
  }
  const overdue = await api.get<{ total: number }>('/api/v1/cases?overdue=true&count=true&limit=1')
  assert.equal(await countOf(page, '[data-test="figure-overdue-count"]'), overdue.total)
  assert.match((await page.locator('[data-test="figure-month"]').textContent()) ?? '', /环比.*同比/s)

  // The trends, the map (grids drawn, coloured, with a legend) and the table beside it.
  await page.locator('[data-test="trend-days"] canvas').first().waitFor()
  await page.locator('[data-test="trend-months"] canvas').first().waitFor()
  const shapes = page.locator('[data-test="area-map"] path.area-map__shape')
  await shapes.first().waitFor()
  assert.ok((await shapes.count()) > 10, 'the grids of 船营区 and 昌邑区 are drawn')
  await page.locator('[data-test="map-legend"]').waitFor()
  await page.locator('[data-test="map-row"]').first().waitFor()
  assert.match((await page.locator('[data-test="dashboard-map"]').textContent()) ?? '', /暂无人口数据/)
  await page.locator('[data-test="concern"]').first().waitFor()
  await page.locator('[data-test="home-leader"]').waitFor()
  await page.waitForLoadState('networkidle')
  await tallShot(page, 'dashboard-leader-1280', DESKTOP.width)

  const loaded = await weight(page, requests)
  console.log(`  dashboard page weight: JS ${loaded.js} B, CSS ${loaded.css} B transferred\n    ${loaded.files.join('\n    ')}`)

  await page.setViewportSize(TABLET)
  await fitsThePhone(page)
  await tallShot(page, 'dashboard-leader-768', TABLET.width)
  await page.setViewportSize(PHONE)
  await fitsThePhone(page)
  await tallShot(page, 'dashboard-leader-360', PHONE.width)
  await context.close()
}

async function monthFigureOpensItsCases(browser: Browser): Promise<void> {
  const page = await dashboardAs(browser, 'leader')
  const url = await opensExactlyItsCases(page, page.locator('[data-test="figure-month-count"]'), 'this month')
  assert.ok(new URL(url).searchParams.get('from'), 'the list is limited to this month')
  await shot(page, 'dashboard-month-cases')
  // Back on the dashboard, the open cases too.
  await page.goBack()
  await page.locator('[data-test="figure-open-count"]').waitFor()
  await opensExactlyItsCases(page, page.locator('[data-test="figure-open-count"]'), 'open now')
  await page.context().close()
}

async function districtCountOpensItsCases(browser: Browser): Promise<void> {
  const page = await dashboardAs(browser, 'leader')
  await page.locator('[data-test="area-map"] path.area-map__shape').first().waitFor()
  // A district without boundaries, in the table beside the map.
  const row = page.locator('[data-test="map-row"]', { hasText: '无边界' }).filter({ hasNotText: '本级登记' }).first()
  await row.waitFor()
  const name = ((await row.locator('[data-test="map-row-name"]').textContent()) ?? '').trim()
  const url = await opensExactlyItsCases(page, row.locator('[data-test="map-row-count"]'), `the district ${name}`)
  assert.ok(new URL(url).searchParams.get('area') || new URL(url).searchParams.get('origin'), 'the list is limited to the area')
  await page.locator('[data-test="filter-chips"] .el-tag', { hasText: `区域：${name}` }).waitFor()
  await shot(page, 'dashboard-district-cases')

  // A street on the map.
  await page.goBack()
  await page.locator('[data-test="map-level-street"]').click()
  const shape = page.locator('[data-test="area-map"] path.area-map__shape--link').first()
  await shape.waitFor()
  const expected = Number(await shape.getAttribute('data-count'))
  await shape.scrollIntoViewIfNeeded()
  await shape.dispatchEvent('click')
  await page.waitForURL((url) => url.pathname === '/cases')
  const total = page.locator('[data-test="case-total"]')
  await total.waitFor()
  assert.equal(Number(await total.getAttribute('data-total')), expected, 'a street on the map opens its cases')
  await page.context().close()
}

async function districtOfficeSeesItsDistrict(browser: Browser): Promise<void> {
  const page = await dashboardAs(browser, 'district-office')
  const api = await ApiSession.login('district-office')
  const month = await api.get<Stats>('/api/v1/stats/cases')
  const own = await api.get<{ total: number }>(`/api/v1/cases?count=true&limit=1&from=${month.from}&to=${month.to}`)
  const shown = await countOf(page, '[data-test="figure-month-count"]')
  assert.equal(shown, own.total, 'the district office’s month is its own case list’s month')
  const city = await (await ApiSession.login('leader')).get<Stats>('/api/v1/stats/cases')
  assert.ok(shown <= city.total.count, 'a district sees no more than the city')
  // Its map offers the levels below its own and draws its own grids only.
  await page.locator('[data-test="area-map"] path.area-map__shape').first().waitFor()
  await page.locator('[data-test="map-level-street"]').waitFor()
  assert.equal(await page.locator('[data-test="map-level-district"]').count(), 0, 'no district level for a district')
  await page.locator('[data-test="area-map"] path.area-map__shape').first().waitFor()
  assert.equal(await page.locator('[data-test="home-leader"]').count(), 0, 'no escalations list for an office')
  await tallShot(page, 'dashboard-district-office-1280', DESKTOP.width)
  await page.setViewportSize(PHONE)
  await fitsThePhone(page)
  await tallShot(page, 'dashboard-district-office-360', PHONE.width)
  await opensExactlyItsCases(page, page.locator('[data-test="figure-month-count"]'), 'the district’s month')
  await page.context().close()
}

await runScenarios({ leaderSeesTheDashboard, monthFigureOpensItsCases, districtCountOpensItsCases, districtOfficeSeesItsDistrict })
