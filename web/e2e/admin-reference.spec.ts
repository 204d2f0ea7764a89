// End to end: the administrator's reference data. The working calendar (a weekday made a
// holiday and back, checked against the API each time, and the page at 360 px), a time-limit
// rule added and deleted, a subcategory added with its dispatch catalogue set and cleared and
// then deactivated, and a message template edited and restored, each checked against the API.
// Run by scripts/web e2e against the real server in test mode.
//
// Several specs share one server: the calendar day changed lies years ahead, so no other
// spec's deadline can fall on it, the rule added matches no demo case and is deleted, the new
// subcategory is this run's own, and the template edited (a webhook's) gets its text back.
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, OFFICE_SCREEN, PHONE, loggedInPage, runScenarios, shot } from './support'

const RUN = Date.now().toString(36)

/** A Thursday far from any deadline a demo or test case has. */
const HOLIDAY_DATE = '2029-06-14'
const HOLIDAY_YEAR = 2029
const HOLIDAY_MONTH = 6

interface CalendarDay {
  date: string
  working: boolean
  name: string
}

interface Rule {
  id: number
  urgency: string | null
  kind: string | null
  channel: string | null
  step: string
  limit: string
}

/** The calendar's exception for a day as the API has it; null when it follows the weekend rule. */
async function calendarDay(page: Page, date: string): Promise<CalendarDay | null> {
  const response = await page.request.get(`${BASE_URL}/api/v1/calendar?year=${date.slice(0, 4)}`)
  assert.equal(response.status(), 200)
  const body = (await response.json()) as { days: CalendarDay[] }
  return body.days.find((day) => day.date === date) ?? null
}

async function rules(page: Page): Promise<Rule[]> {
  const response = await page.request.get(`${BASE_URL}/api/v1/time-limit-rules`)
  assert.equal(response.status(), 200)
  return ((await response.json()) as { items: Rule[] }).items
}

/** Picks an option in an Element Plus select: its options are teleported to the body. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

async function goToMonth(page: Page, year: number, month: number): Promise<void> {
  const title = page.locator('[data-test="calendar-month-title"]')
  for (let i = 0; i < 240; i++) {
    const text = (await title.textContent()) ?? ''
    const match = /(\d{4}) 年 (\d{1,2}) 月/.exec(text)
    assert.ok(match, `month title: ${text}`)
    const delta = (year - Number(match[1])) * 12 + (month - Number(match[2]))
    if (delta === 0) {
      return
    }
    await page.click(delta > 0 ? '[data-test="calendar-next"]' : '[data-test="calendar-prev"]')
  }
  assert.fail('never reached the month')
}

async function calendarTogglesAHoliday(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  await page.goto(`${BASE_URL}/admin/calendar`)
  await page.getByRole('heading', { name: '工作日历' }).waitFor()
  await page.locator('[data-test="calendar-office-hours"]').waitFor()
  await goToMonth(page, HOLIDAY_YEAR, HOLIDAY_MONTH)

  // No notice is loaded for 2029: the page says deadlines are provisional.
  const provisional = page.locator('[data-test="calendar-provisional"]', { hasText: `${HOLIDAY_YEAR} 年` })
  await provisional.waitFor()
  assert.match((await provisional.textContent()) ?? '', /尚未导入 2029 年国务院放假安排，期限按周末规则暂算/)

  // Monday first: 2029-06-01 is a Friday, so four empty cells lead.
  const days = page.locator('[data-test="calendar-day"]')
  await days.first().waitFor()
  assert.equal(await days.count(), 30)
  assert.equal(await page.locator('.month__cell--empty').first().isVisible(), true)

  const day = page.locator(`[data-test="calendar-day"][data-date="${HOLIDAY_DATE}"]`)
  assert.equal(await day.getAttribute('data-working'), 'true')
  assert.match((await day.textContent()) ?? '', /班/)
  assert.equal(await calendarDay(page, HOLIDAY_DATE), null)
  await shot(page, 'calendar-1920')

  // Weekday → holiday, named.
  await day.click()
  const dialog = page.locator('[data-test="holiday-dialog"]')
  await dialog.waitFor()
  await page.locator('[data-test="holiday-confirm"]').click()
  await page.getByText('请输入节假日名称').waitFor()
  await page.fill('input[data-test="holiday-name"]', '端午节')
  await page.locator('[data-test="holiday-confirm"]').click()
  await page.waitForSelector(`[data-test="calendar-day"][data-date="${HOLIDAY_DATE}"][data-working="false"]`)
  assert.match((await day.textContent()) ?? '', /休/)
  assert.match((await day.textContent()) ?? '', /端午节/)
  const set = await calendarDay(page, HOLIDAY_DATE)
  assert.equal(set?.working, false)
  assert.equal(set?.name, '端午节')
  await shot(page, 'calendar-holiday')

  // Holiday → back to the weekend rule.
  await day.click()
  await page.waitForSelector(`[data-test="calendar-day"][data-date="${HOLIDAY_DATE}"][data-working="true"]`)
  assert.doesNotMatch((await day.textContent()) ?? '', /端午节/)
  assert.equal(await calendarDay(page, HOLIDAY_DATE), null)

  // The arrow keys move between days: a week down from the 14th is the 21st.
  await day.focus()
  await page.keyboard.press('ArrowDown')
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date), '2029-06-21')

  // A weekend day → make-up working day → back.
  const saturday = page.locator('[data-test="calendar-day"][data-date="2029-06-16"]')
  assert.equal(await saturday.getAttribute('data-working'), 'false')
  await saturday.click()
  await page.waitForSelector('[data-test="calendar-day"][data-date="2029-06-16"][data-working="true"]')
  assert.equal((await calendarDay(page, '2029-06-16'))?.working, true)
  await saturday.click()
  await page.waitForSelector('[data-test="calendar-day"][data-date="2029-06-16"][data-working="false"]')
  assert.equal(await calendarDay(page, '2029-06-16'), null)

  // A notice with bad rows is refused as a whole and every bad row is listed by line.
  await page.click('[data-test="calendar-import"]')
  await page.setInputFiles('[data-test="calendar-import-file"]', {
    name: 'holidays-2029.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'date,kind,name,year,source\n2029-10-01,holiday,国庆节,2029,测试\n2029-13-01,holiday,国庆节,2029,测试\n2029-10-08,rest,国庆节,2029,测试\n',
    ),
  })
  await page.click('[data-test="calendar-import-submit"]')
  const problems = page.locator('[data-test="calendar-import-problems"]')
  await problems.waitFor()
  const problemText = (await problems.textContent()) ?? ''
  assert.match(problemText, /第 3 行 日期：应为 2027-01-01 这样的格式/)
  assert.match(problemText, /第 4 行 类型：应为 holiday 或 workday/)
  await shot(page, 'calendar-import-errors')
  await page.keyboard.press('Escape')
  assert.equal(await calendarDay(page, '2029-10-01'), null, 'nothing of the bad file was imported')

  await page.setViewportSize(PHONE)
  await page.locator('[data-test="calendar-grid"]').waitFor()
  // The layout folds its side menu into a drawer once the media query has answered.
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, { timeout: 5000 })
    .catch(() => undefined)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 360, `the calendar fits 360 px (scroll width ${width})`)
  await shot(page, 'calendar-360')
  await page.context().close()
}

async function timeLimitRuleAddedAndDeleted(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  await page.goto(`${BASE_URL}/admin/time-limits`)
  await page.getByRole('heading', { name: '时限规则' }).waitFor()
  await page.locator('[data-test="rule-limit"]').first().waitFor()
  // The seeded rules read in words.
  const limits = await page.locator('[data-test="rule-limit"]').allTextContents()
  assert.ok(limits.includes('2 个工作小时'), `limits: ${limits.join(', ')}`)
  assert.ok(limits.includes('15 分钟'))
  assert.ok(limits.includes('5 个工作日'))
  const before = await rules(page)

  await page.click('[data-test="rule-add"]')
  await page.locator('[data-test="rule-dialog"]').waitFor()
  await page.click('[data-test="rule-save"]')
  await page.getByText('请选择办理环节').waitFor()
  await choose(page, '[data-test="rule-step"]', '回访')
  await choose(page, '[data-test="rule-urgency"]', '复杂')
  await choose(page, '[data-test="rule-kind"]', '表扬')
  await choose(page, '[data-test="rule-channel"]', '留言板')
  await page.fill('[data-test="rule-amount"] input', '3')
  await choose(page, '[data-test="rule-unit"]', '工作日')
  await shot(page, 'time-limit-dialog')
  await page.click('[data-test="rule-save"]')
  await page.locator('[data-test="rule-dialog"]').waitFor({ state: 'hidden' })

  const after = await rules(page)
  assert.equal(after.length, before.length + 1)
  const added = after.find(
    (rule) => rule.step === 'follow_up' && rule.urgency === 'complex' && rule.kind === 'praise',
  )
  assert.deepEqual(added && { ...added, id: 0 }, {
    id: 0,
    urgency: 'complex',
    kind: 'praise',
    channel: 'message_board',
    step: 'follow_up',
    limit: '3wd',
  })

  // The same conditions again: the server's 409 is said in the dialog.
  await page.click('[data-test="rule-add"]')
  await choose(page, '[data-test="rule-step"]', '回访')
  await choose(page, '[data-test="rule-urgency"]', '复杂')
  await choose(page, '[data-test="rule-kind"]', '表扬')
  await choose(page, '[data-test="rule-channel"]', '留言板')
  await page.fill('[data-test="rule-amount"] input', '2')
  await page.click('[data-test="rule-save"]')
  await page.locator('[data-test="rule-error"]', { hasText: '已有条件完全相同的规则' }).waitFor()
  await page.keyboard.press('Escape')
  await page.locator('[data-test="rule-dialog"]').waitFor({ state: 'hidden' })

  await choose(page, '[data-test="rule-filter-step"]', '回访')
  const row = page.locator('[data-test="rule-table"] .el-table__body tr', { hasText: '表扬' })
  await row.waitFor()
  await shot(page, 'time-limits')
  await row.locator('[data-test="rule-remove"]').click()
  await page.locator('.el-message-box').waitFor()
  assert.match((await page.locator('.el-message-box').textContent()) ?? '', /复杂 · 表扬 · 留言板 · 回访 · 3 个工作日/)
  await page.locator('.el-message-box .el-button--primary').click()
  await row.waitFor({ state: 'detached' })
  const final = await rules(page)
  assert.equal(final.length, before.length)
  assert.equal(final.find((rule) => rule.id === added?.id), undefined)
  await page.setViewportSize(PHONE)
  await shot(page, 'time-limits-360')
  await page.context().close()
}

async function categoriesAreListed(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  await page.goto(`${BASE_URL}/admin/categories`)
  await page.getByRole('heading', { name: '分类与派单目录' }).waitFor()
  const tree = page.locator('[data-test="category-tree"]')
  await tree.getByText('城乡建设与住房').waitFor()

  // A keyword finds its subcategory and keeps its parent.
  await page.fill('input[data-test="category-search"]', '楼道灯')
  await tree.getByText('老旧小区改造与加装电梯').waitFor()
  assert.equal(await tree.getByText('物业管理').count(), 0)
  await tree.getByText('老旧小区改造与加装电梯').click()
  await page.locator('[data-test="category-detail"]').waitFor()
  assert.match((await page.locator('[data-test="category-detail"]').textContent()) ?? '', /0102/)
  assert.match((await page.locator('[data-test="category-keywords"]').textContent()) ?? '', /楼道灯/)
  await page.locator('[data-test="catalogue-level"]').first().waitFor()
  assert.equal(await page.locator('[data-test="catalogue-unavailable"]').count(), 0, 'the server has the catalogue')
  await shot(page, 'categories')
  await categoryAndCatalogueAreEdited(page)
  await page.setViewportSize(PHONE)
  await shot(page, 'categories-360')
  await page.context().close()
}

interface DispatchRow {
  categoryCode: string
  level: string
  leadUnit: string
  assistingUnits: string[]
}

async function catalogueRow(page: Page, code: string, level: string): Promise<DispatchRow | null> {
  const response = await page.request.get(`${BASE_URL}/api/v1/dispatch-catalogue`)
  assert.equal(response.status(), 200)
  const items = ((await response.json()) as { items: DispatchRow[] }).items
  return items.find((item) => item.categoryCode === code && item.level === level) ?? null
}

interface CategoryRow {
  code: string
  name: string
  parentCode: string | null
  keywords: string[]
  active: boolean
}

async function category(page: Page, code: string): Promise<CategoryRow | null> {
  const response = await page.request.get(`${BASE_URL}/api/v1/categories?includeInactive=true`)
  assert.equal(response.status(), 200)
  const items = ((await response.json()) as { items: CategoryRow[] }).items
  return items.find((item) => item.code === code) ?? null
}

/** A new subcategory, its catalogue set and cleared, then deactivated: each checked by the API. */
async function categoryAndCatalogueAreEdited(page: Page): Promise<void> {
  await page.fill('input[data-test="category-search"]', '')
  const tree = page.locator('[data-test="category-tree"]')
  await tree.getByText('城乡建设与住房').click()
  await page.click('[data-test="category-add-child"]')
  const dialog = page.locator('[data-test="category-dialog"]')
  await dialog.waitFor()
  const code = await page.inputValue('input[data-test="category-code"]')
  assert.match(code, /^01\d\d$/)
  const name = `端到端测试分类${RUN}`
  await page.fill('input[data-test="category-name"]', name)
  await page.fill('input[data-test="keyword-input"]', '测试关键词')
  await page.keyboard.press('Enter')
  await dialog.locator('[data-test="keyword-tag"]', { hasText: '测试关键词' }).waitFor()
  await page.click('[data-test="category-save"]')
  await dialog.waitFor({ state: 'hidden' })
  const detail = page.locator('[data-test="category-detail"]')
  await detail.getByText(code).waitFor()
  assert.deepEqual(await category(page, code), {
    code,
    name,
    parentCode: '01',
    keywords: ['测试关键词'],
    active: true,
  })

  // The code just taken, again: the server's 409 shows on the code field.
  await tree.getByText('城乡建设与住房').click()
  await page.click('[data-test="category-add-child"]')
  await dialog.waitFor()
  await page.fill('input[data-test="category-code"]', code)
  await page.fill('input[data-test="category-name"]', `${name}重复`)
  await page.click('[data-test="category-save"]')
  await dialog.locator('.el-form-item__error', { hasText: '该分类代码已被使用' }).waitFor()
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  assert.equal((await category(page, code))?.name, name, 'the first one stands')
  await tree.getByText(name).click()
  await detail.getByText(code).waitFor()

  // City row: a concrete unit, said by name.
  const city = page.locator('[data-test="catalogue-level"][data-level="city"]')
  await city.locator('[data-test="catalogue-edit"]').click()
  await page.locator('[data-test="catalogue-dialog"]').waitFor()
  await page.locator('[data-test="catalogue-lead"]').click()
  await page.keyboard.type('吉林市住房和城乡建设局')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '吉林市住房和城乡建设局' }).first().click()
  await page.click('[data-test="catalogue-save"]')
  await page.locator('[data-test="catalogue-dialog"]').waitFor({ state: 'hidden' })
  await city.locator('[data-test="catalogue-lead-name"]', { hasText: '吉林市住房和城乡建设局' }).waitFor()
  assert.equal((await catalogueRow(page, code, 'city'))?.leadUnit, 'U220200-13')

  // District row: a {district} pattern, said as each district's unit.
  const district = page.locator('[data-test="catalogue-level"][data-level="district"]')
  await district.locator('[data-test="catalogue-edit"]').click()
  await page.locator('[data-test="catalogue-lead"]').click()
  await page.keyboard.type('住房和城乡建设局')
  await page
    .locator('.el-select-dropdown__item:visible', { hasText: /各区对应单位（.*住房和城乡建设局/ })
    .first()
    .click()
  await page.click('[data-test="catalogue-save"]')
  await page.locator('[data-test="catalogue-dialog"]').waitFor({ state: 'hidden' })
  await district.locator('[data-test="catalogue-lead-name"]', { hasText: '各区对应单位' }).waitFor()
  assert.equal((await catalogueRow(page, code, 'district'))?.leadUnit, 'U{district}-02')
  await shot(page, 'categories-catalogue')

  // Clear the city row.
  await city.locator('[data-test="catalogue-remove"]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await city.getByText('未设置').waitFor()
  assert.equal(await catalogueRow(page, code, 'city'), null)

  // Deactivate the category: it stays listed for the administrator, marked; intake refuses it.
  await page.click('[data-test="category-toggle-active"]')
  await page.locator('.el-message-box .el-button--primary').click()
  await detail.getByText('已停用').waitFor()
  assert.equal((await category(page, code))?.active, false)
  const publicList = await page.request.get(`${BASE_URL}/api/v1/categories`)
  const listed = ((await publicList.json()) as { items: CategoryRow[] }).items
  assert.equal(listed.find((item) => item.code === code), undefined, 'the public list leaves it out')
  assert.deepEqual(await catalogueRow(page, code, 'district'), {
    categoryCode: code,
    level: 'district',
    leadUnit: 'U{district}-02',
    assistingUnits: [],
  })
}

interface Template {
  key: string
  channel: string
  text: string
}

/** The webhook text of a closed hotline case: no other spec reads it. */
const TEMPLATE_KEY = 'case_closed'
const TEMPLATE_CHANNEL = 'webhook'

async function templateText(api: ApiSession): Promise<string> {
  const items = (await api.get<{ items: Template[] }>('/api/v1/message-templates')).items
  const found = items.find((item) => item.key === TEMPLATE_KEY && item.channel === TEMPLATE_CHANNEL)
  assert.ok(found, `the ${TEMPLATE_KEY} ${TEMPLATE_CHANNEL} template`)
  return found.text
}

async function templateIsEditedAndRestored(browser: Browser): Promise<void> {
  const api = await ApiSession.login('admin')
  const original = await templateText(api)
  const page = await loggedInPage(browser, 'admin', OFFICE_SCREEN)
  try {
    await page.goto(`${BASE_URL}/admin/templates`)
    await page.getByRole('heading', { name: '消息模板' }).waitFor()
    await page.locator('[data-test="template-row-text"]').first().waitFor()
    assert.equal(await page.locator('[data-test="templates-missing"]').count(), 0, 'the server has the templates')
    const row = page.locator('[data-test="template-table"] .el-table__body tr', {
      has: page.locator('[data-test="template-row-text"]', { hasText: original }),
    })
    const dialog = page.locator('[data-test="template-dialog"]')
    const textarea = page.locator('[data-test="template-dialog"] textarea')

    // The editor inserts placeholders at the cursor and previews with sample values.
    await row.locator('[data-test="template-edit"]').click()
    await dialog.waitFor()
    assert.equal(await textarea.inputValue(), original)
    await textarea.fill('案件')
    await page.locator('[data-test="template-placeholder"][data-placeholder="number"]').click()
    assert.equal(await textarea.inputValue(), '案件{number}')
    assert.match((await page.locator('[data-test="template-preview"]').textContent()) ?? '', /案件2026-0001234/)
    // An unknown placeholder is refused before sending.
    await textarea.fill('案件{numero}已办结')
    await dialog.locator('.el-form-item__error', { hasText: '无法识别的占位符：{numero}' }).waitFor()
    await shot(page, 'template-dialog')

    // Saved: the table and the API have the new text.
    const edited = `热线转办件{external_ref}（编号{number}）已办结，测试${RUN}。`
    await textarea.fill(edited)
    await page.click('[data-test="template-save"]')
    await dialog.waitFor({ state: 'hidden' })
    const editedRow = page.locator('[data-test="template-row-text"]', { hasText: edited })
    await editedRow.waitFor()
    assert.equal(await templateText(api), edited)
    await shot(page, 'templates')

    // And back to the original text, through the dialog again.
    await page
      .locator('[data-test="template-table"] .el-table__body tr', { has: editedRow })
      .locator('[data-test="template-edit"]')
      .click()
    await dialog.waitFor()
    await textarea.fill(original)
    await page.click('[data-test="template-save"]')
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('[data-test="template-row-text"]', { hasText: original }).waitFor()
    assert.equal(await templateText(api), original)
  } finally {
    // Other specs may read the templates: whatever failed above, the text goes back.
    if ((await templateText(api)) !== original) {
      await api.call('PUT', `/api/v1/message-templates/${TEMPLATE_KEY}/${TEMPLATE_CHANNEL}`, { text: original })
    }
    await page.context().close()
  }
}

await runScenarios({
  'calendar toggles a holiday': calendarTogglesAHoliday,
  'a time-limit rule is added and deleted': timeLimitRuleAddedAndDeleted,
  'categories are listed': categoriesAreListed,
  'a template is edited and restored': templateIsEditedAndRestored,
})
