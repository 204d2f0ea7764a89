// End to end (the scenario 2): the committee director fills the direct card to 吉林市
// 住房和城乡建设局; the unit's handler finds the case waiting for them and opens it.
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { pickCategory } from './steps/grid-intake'
import { ApiSession, BASE_URL, loggedInPage, OFFICE_SCREEN, PHONE, runScenarios, shot } from './support'

const RUN = Date.now().toString(36)
const UNIT = '吉林市住房和城乡建设局'

async function directorReportsToTheHousingBureau(browser: Browser): Promise<void> {
  const director = await loggedInPage(browser, 'director', OFFICE_SCREEN)
  await director.goto(`${BASE_URL}/intake/direct-card`)
  const form = director.locator('[data-test="intake-form"]')
  await form.waitFor()

  const picker = form.locator('[data-test="unit-picker"]')
  await picker.click()
  await picker.locator('input').fill('住房和城乡建设局')
  await director.locator('.el-select-dropdown__item:visible', { hasText: UNIT }).first().click()

  await form.locator('[data-test="field-kind"] label', { hasText: '求助' }).click()
  const title = `永前社区 12 号楼申请加装电梯（${RUN}）`
  await form.locator('[data-test="field-title"]').fill(title)
  await form
    .locator('[data-test="field-content"]')
    .fill('12 号楼共 36 户，老年住户占多数，业主已全部签字同意加装电梯，申请住建部门指导立项并协调资金补贴。')
  await pickCategory(director, '加装电梯')
  await form.locator('[data-test="field-address"]').fill('船营区德胜街道永前社区 12 号楼')
  await form.locator('[data-test="field-reporter-name"]').fill('王桂兰')
  await form.locator('[data-test="field-reporter-phone"]').fill('13804321234')
  await shot(director, 'direct-card-filled-1920')
  await form.locator('[data-test="intake-submit"]').click()

  const number = ((await director.locator('[data-test="created-number"]').textContent()) ?? '').trim()
  assert.match(number, /^\d{4}-\d{7}$/)
  await shot(director, 'direct-card-created-1920')

  // Dispatched straight to the bureau, the city office informed. (The keyword search covers
  // title and content, not the number.)
  const api = await ApiSession.login('unit-handler')
  const page = await api.get<{ items: { id: number; number: string; state: string }[] }>(
    `/api/v1/cases?keyword=${encodeURIComponent(RUN)}&limit=5`,
  )
  const found = page.items.find((item) => item.number === number)
  assert.ok(found, 'the unit handler can see the case')
  assert.equal(found.state, 'dispatched')
  const detail = await api.get<{ leadUnit: { name: string } | null; holder: { name: string } | null }>(
    `/api/v1/cases/${found.id}`,
  )
  assert.equal(detail.leadUnit?.name, UNIT)
  assert.equal(detail.holder?.name, UNIT)

  // The handler finds it in the case list and opens it.
  const handler = await loggedInPage(browser, 'unit-handler')
  await handler.goto(`${BASE_URL}/cases`)
  await handler.fill('input[name="keyword"]', RUN)
  await handler.keyboard.press('Enter')
  const row = handler.locator('[data-test="case-table"] .el-table__row', { hasText: number })
  await row.waitFor()
  await row.click()
  await handler.waitForURL(`${BASE_URL}/cases/${found.id}`)
  await handler.locator('[data-test="case-number"]', { hasText: number }).waitFor()
  await shot(handler, 'direct-card-handler-opens')

  await director.context().close()
  await handler.context().close()
}

async function aCardWithoutUnitIsStoppedAtTheUnit(browser: Browser): Promise<void> {
  const page = await loggedInPage(browser, 'director', PHONE)
  await page.goto(`${BASE_URL}/intake/direct-card`)
  const form = page.locator('[data-test="intake-form"]')
  await form.waitFor()
  await form.locator('[data-test="field-kind"] label', { hasText: '求助' }).click()
  await form.locator('[data-test="field-title"]').fill(`路灯不亮（${RUN}）`)
  await form.locator('[data-test="field-content"]').fill('小区南门路灯已坏一周。')
  await pickCategory(page, '市政设施')
  await form.locator('[data-test="intake-submit"]').click()
  const unitItem = form.locator('.el-form-item', { has: page.locator('[data-test="unit-picker"]') })
  await unitItem.locator('.el-form-item__error', { hasText: '此项为必填项' }).waitFor()
  await shot(page, 'direct-card-missing-unit-360')
  await page.context().close()
}

await runScenarios({
  'the director reports to the housing bureau, whose handler opens the case': directorReportsToTheHousingBureau,
  'a direct card without a unit is stopped at the unit': aCardWithoutUnitIsStoppedAtTheUnit,
})
