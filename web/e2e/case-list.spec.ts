// End to end: city-office filters the case list through the form (the filters land in the
// address bar and the back button undoes them), exports it as .xlsx, keeps the filters as a
// saved view (我的视图) and applies and deletes it, and opens the supervision centre's tabs. The spec registers its own walk-in case so that it never depends
// on another spec's data. Run by scripts/web e2e like login.spec.ts.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { BASE_URL, loggedInPage, OFFICE_SCREEN, runScenarios, shot } from './support'

const TITLE = `导出测试 <三号楼> & "暖气" ${Date.now()}`

/** Setup, not the behaviour under test: a walk-in case registered at the city office. */
async function registerCase(context: BrowserContext): Promise<string> {
  const me = await context.request.get(`${BASE_URL}/api/v1/auth/me`)
  assert.equal(me.status(), 200)
  const { csrfToken } = (await me.json()) as { csrfToken: string }
  const created = await context.request.post(`${BASE_URL}/api/v1/cases`, {
    headers: { 'X-CSRF-Token': csrfToken, 'Idempotency-Key': `case-list-e2e-${Date.now()}` },
    data: {
      channel: 'walk_in',
      kind: 'complaint',
      categoryCode: '0301',
      title: TITLE,
      content: '端到端测试登记的案件：家里暖气不热。',
      reporter: { name: '张三', phone: '13812341234' },
    },
  })
  assert.equal(created.status(), 201, await created.text())
  return ((await created.json()) as { number: string }).number
}

/** Picks an option of an Element Plus select by its visible text. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
  await page.keyboard.press('Escape')
}

/** Waits until the part has no loading mask (there may be two while one fades out). */
async function loaded(page: Page, part: string): Promise<void> {
  await page.waitForFunction((selector) => document.querySelector(`${selector} .el-loading-mask`) === null, part)
}

async function visibleNumbers(page: Page): Promise<string[]> {
  await page.locator('[data-test="case-number"]').first().waitFor()
  await loaded(page, '[data-test="case-table"]')
  return page.locator('[data-test="case-number"]').allTextContents().then((all) => all.map((n) => n.trim()))
}

/** The list once it satisfies `ready` (a reload follows the address bar a moment later). */
async function numbersWhen(page: Page, ready: (numbers: string[]) => boolean): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const numbers = await visibleNumbers(page)
    if (ready(numbers)) return numbers
    await page.waitForTimeout(200)
  }
  throw new Error('the list did not show the expected cases')
}

async function filterAndExport(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'city-office', OFFICE_SCREEN)
  const context = page.context()
  const number = await registerCase(context)

  await page.goto(`${BASE_URL}/cases`)
  await page.getByRole('heading', { name: '案件' }).waitFor()
  const unfiltered = await visibleNumbers(page)

  await filterRegisteredWalkIns(page)
  const filtered = await numbersWhen(page, (numbers) => numbers.includes(number))
  assert.ok(filtered.includes(number), `the new case ${number} is on the filtered list`)
  await shot(page, 'case-list-1920')

  // The address bar holds the filters: back shows the unfiltered list again, forward the filtered.
  await page.goBack()
  await page.waitForURL((url) => !url.searchParams.has('state'))
  await numbersWhen(page, (numbers) => numbers.join() === unfiltered.join())
  await page.goForward()
  await page.waitForURL((url) => url.searchParams.get('state') === 'registered')
  const first = (await numbersWhen(page, (numbers) => numbers.join() === filtered.join()))[0]
  assert.ok(first, 'the filtered list shows a case')

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-excel"]')])
  assert.match(download.suggestedFilename(), /^案件列表-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const bytes = await readFile(await download.path())
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file')
  const files = unzipSync(new Uint8Array(bytes))
  assert.ok(files['xl/workbook.xml'] && files['[Content_Types].xml'], 'the workbook parts are there')
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
  assert.ok(sheet.includes(`>${first}<`), `the sheet holds the first visible case ${first}`)
  assert.ok(sheet.includes('>编号<') && sheet.includes('>当前办理单位<'), 'the header row is in Chinese')
  assert.ok(sheet.includes('&lt;三号楼&gt; &amp; &quot;暖气&quot;'), 'the title is escaped')
  assert.ok(sheet.includes('>待受理<') && sheet.includes('>来访来电登记<'), 'values use the screen words')
  await page.locator('.el-message--success').waitFor()

  await page.setViewportSize({ width: 360, height: 740 })
  await shot(page, 'case-list-360')
  await context.close()
}

/** Sets 待受理 and 来访来电登记 in the search form and runs the search. */
async function filterRegisteredWalkIns(page: Page): Promise<void> {
  await choose(page, '[data-test="filter-state"]', '待受理')
  await page.click('[data-test="toggle-filters"]')
  await page.getByText('来源渠道').waitFor()
  await choose(page, '.case-search .el-form-item:has-text("来源渠道") .el-select', '来访来电登记')
  await page.click('[data-test="search"]')
  await page.waitForURL((url) => url.searchParams.get('state') === 'registered' && url.searchParams.get('channel') === 'walk_in')
}

interface SavedView {
  id: number
  name: string
  query: Record<string, string>
}

/** The views the server keeps for the page's user (its session cookie). */
async function savedViewsOf(context: BrowserContext): Promise<SavedView[]> {
  const response = await context.request.get(`${BASE_URL}/api/v1/saved-views`)
  assert.equal(response.status(), 200, await response.text())
  return ((await response.json()) as { items: SavedView[] }).items
}

async function csrfOf(context: BrowserContext): Promise<string> {
  const me = await context.request.get(`${BASE_URL}/api/v1/auth/me`)
  assert.equal(me.status(), 200)
  return ((await me.json()) as { csrfToken: string }).csrfToken
}

/** The save dialog (found by its button: ElDialog puts its attributes where it likes). */
const saveDialog = (page: Page) => page.locator('.el-dialog', { has: page.locator('[data-test="view-save"]') })

async function saveViewAs(page: Page, name: string): Promise<void> {
  await page.click('[data-test="save-view"]')
  const dialog = saveDialog(page)
  await dialog.waitFor()
  await dialog.locator('input[data-test="view-name"], [data-test="view-name"] input').first().fill(name)
  await dialog.locator('[data-test="view-save"]').click()
}

async function savedViews(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'city-office', OFFICE_SCREEN)
  const context = page.context()
  const number = await registerCase(context)
  const suffix = Date.now().toString(36)
  const name = `待受理来访-${suffix}`
  const elsewhere = `特急案件-${suffix}`

  await page.goto(`${BASE_URL}/cases`)
  await page.locator('[data-test="saved-views"]').waitFor()
  await filterRegisteredWalkIns(page)

  await saveViewAs(page, name)
  const chip = page.locator('[data-test="saved-view"]', { hasText: name })
  await chip.waitFor()
  await page.locator('.el-message--success', { hasText: `视图“${name}”已保存` }).waitFor()
  const saved = (await savedViewsOf(context)).find((view) => view.name === name)
  assert.deepEqual(saved?.query, { state: 'registered', channel: 'walk_in' }, 'the server keeps the filters')

  // Another tab saves a view the page does not know of: the server's 409 lands on the name field.
  const other = await context.request.post(`${BASE_URL}/api/v1/saved-views`, {
    headers: { 'X-CSRF-Token': await csrfOf(context) },
    data: { name: elsewhere, query: { urgency: 'critical' } },
  })
  assert.equal(other.status(), 201, await other.text())
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/saved-views') && response.request().method() === 'POST'),
    saveViewAs(page, elsewhere),
  ])
  assert.equal(refused.status(), 409)
  assert.equal(((await refused.json()) as { error: { reason: string } }).error.reason, 'saved_view.name_taken')
  const dialog = saveDialog(page)
  await dialog.locator('.el-form-item__error', { hasText: '已有同名视图，请换一个名称' }).waitFor()
  // …and the bar reads the views again, so the other tab's view is there too.
  await page.locator('[data-test="saved-view"]', { hasText: elsewhere }).waitFor()
  await shot(page, 'saved-view-name-taken')
  await dialog.getByRole('button', { name: '取消' }).click()
  await dialog.waitFor({ state: 'hidden' })

  // A fresh page without filters; the chip brings them back into the address bar and the list.
  await page.goto(`${BASE_URL}/cases`)
  await page.getByRole('heading', { name: '案件' }).waitFor()
  await chip.click()
  await page.waitForURL((url) => url.searchParams.get('state') === 'registered' && url.searchParams.get('channel') === 'walk_in')
  await numbersWhen(page, (numbers) => numbers.includes(number))
  await page.locator('.saved-views__chip.is-active', { hasText: name }).waitFor()
  await page.locator('[data-test="filter-state"]', { hasText: '待受理' }).waitFor()
  await shot(page, 'saved-view-applied')

  await page.locator('.saved-views__chip', { hasText: name }).locator('[data-test="saved-view-remove"]').click()
  const box = page.locator('.el-message-box', { hasText: `确定删除视图“${name}”吗？` })
  await box.waitFor()
  await box.getByRole('button', { name: '确定' }).click()
  await chip.waitFor({ state: 'detached' })
  await page.locator('.el-message--success', { hasText: `视图“${name}”已删除` }).waitFor()
  const left = await savedViewsOf(context)
  assert.ok(!left.some((view) => view.name === name), 'the server no longer has the view')

  // Clean up the other tab's view (setup, not under test).
  const otherId = left.find((view) => view.name === elsewhere)?.id
  assert.ok(otherId, 'the other view is still there')
  const removed = await context.request.delete(`${BASE_URL}/api/v1/saved-views/${otherId}`, {
    headers: { 'X-CSRF-Token': await csrfOf(context) },
  })
  assert.equal(removed.status(), 204)
  await context.close()
}

async function supervisionCentre(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'city-office', OFFICE_SCREEN)
  const context = page.context()
  await page.goto(`${BASE_URL}/supervision`)
  await page.getByRole('heading', { name: '督办中心' }).waitFor()
  for (const name of ['超期/临期', '督办单', '提级']) {
    await page.getByRole('tab', { name }).waitFor()
  }
  const warnings = page.locator('[data-test="warnings-table"]')
  await warnings.waitFor()
  await loaded(page, '[data-test="warnings-tab"]')
  if ((await warnings.locator('.el-table__row').count()) > 0) {
    await page.locator('[data-test="warnings-chart"] canvas').waitFor()
  }
  await shot(page, 'supervision-1920')

  await page.getByRole('tab', { name: '督办单' }).click()
  await page.waitForURL((url) => url.searchParams.get('tab') === 'orders')
  await page.locator('[data-test="orders-table"]').waitFor()
  await page.getByRole('tab', { name: '提级' }).click()
  await page.waitForURL((url) => url.searchParams.get('tab') === 'escalations')
  await page.locator('[data-test="escalations-table"]').waitFor()
  await page.goBack()
  await page.waitForURL((url) => url.searchParams.get('tab') === 'orders')
  await page.locator('[data-test="orders-table"]').waitFor()

  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(`${BASE_URL}/supervision`)
  await page.locator('[data-test="warnings-table"]').waitFor()
  await loaded(page, '[data-test="warnings-tab"]')
  await shot(page, 'supervision-360')
  await context.close()
}

await runScenarios({ filterAndExport, savedViews, supervisionCentre })
