// End to end: unit assessment (考核) on the demo data. The city office publishes the
// preliminary results of the last ended month (one where 市住建局 has a case counted against it),
// the unit's handler appeals that case from the unit's page, the city office accepts the appeal
// in its queue, the unit's page then lists the case as excluded for the appeal, and the city
// office closes the month. Photographs at 1280 and 360 px (test-results/assessment-*.png).
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, PHONE, loggedInPage, runScenarios, shot } from './support'

interface PeriodRecord {
  label: string
  state: string
  period: { kind: string; to: string }
}

interface CaseRef {
  id: number
  number: string
}

interface Profile {
  state: string
  unit: { measures: Record<string, { against: CaseRef[]; excluded: (CaseRef & { reason: string })[] }> }
}

interface Target {
  period: string
  unitKey: string
  measure: string
  caseRef: CaseRef
}

// Ratio measures a unit may well appeal; the first with a case against the unit is taken.
const MEASURES = ['satisfaction', 'resolution', 'response', 'on_time_answer', 'reopen', 'on_time_signing']

/** The newest ended, open month in which 市住建局 has a case counted against it. */
async function findTarget(): Promise<Target> {
  const unit = await ApiSession.login('unit-handler')
  const { items } = await unit.get<{ items: PeriodRecord[] }>('/api/v1/assessment/periods')
  const { now } = await (await ApiSession.login('admin')).post<{ now: string }>('/api/v1/test/clock', { advanceMinutes: 0 })
  const today = now.slice(0, 10)
  for (const record of items) {
    if (record.period.kind !== 'month' || record.state !== 'open' || record.period.to > today) {
      continue
    }
    const results = await unit.get<{ units: { unit: { key: string } }[] }>(`/api/v1/assessment/periods/${record.label}`)
    const unitKey = results.units[0]?.unit.key
    if (!unitKey) {
      continue
    }
    const profile = await unit.get<Profile>(`/api/v1/assessment/periods/${record.label}/units/${unitKey}`)
    for (const measure of MEASURES) {
      const against = profile.unit.measures[measure]?.against[0]
      if (against) {
        return { period: record.label, unitKey, measure, caseRef: against }
      }
    }
  }
  throw new Error('no ended month where 市住建局 has a case counted against it')
}

async function openRanking(page: Page, period: string): Promise<void> {
  await page.goto(`${BASE_URL}/assessment?period=${period}`)
  await page.locator('[data-test="ranking-state"]').waitFor()
}

/** The whole page at its width: the layout scrolls inside its main area, so the window is made as tall as the page for the shot. */
async function tallShot(page: Page, name: string, ready?: string): Promise<void> {
  const { width } = page.viewportSize() ?? { width: 1280 }
  const height = await page.evaluate(() => {
    const main = document.querySelector('.layout__main')
    return Math.ceil((main?.scrollHeight ?? 0) + (main?.getBoundingClientRect().top ?? 0) + 24)
  })
  await page.setViewportSize({ width, height: Math.max(740, height) })
  await page.waitForTimeout(400)
  if (ready) {
    // A chart draws once it is in view.
    await page.locator(ready).first().waitFor()
    await page.waitForTimeout(400)
  }
  await shot(page, name)
}

async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box').waitFor()
  await page.locator('.el-message-box .el-button--primary').click()
}

/** The demo's few cases a month leave most units under the minimum of five: rank from one case. */
async function rankFromOneCase(): Promise<void> {
  const city = await ApiSession.login('city-office')
  const scheme = await city.get<Record<string, unknown>>('/api/v1/assessment/schemes/current')
  // The body takes the scheme's rules, not its record of who saved it when.
  for (const key of ['version', 'createdAt', 'createdBy']) {
    delete scheme[key]
  }
  await city.call('PUT', '/api/v1/assessment/scheme', { ...scheme, minCases: 1, note: '演示数据：一件即参与排名' })
}

async function publishAppealAcceptClose(browser: Browser): Promise<void> {
  await rankFromOneCase()
  const target = await findTarget()
  const { period, unitKey, measure, caseRef } = target

  // The city office publishes the preliminary results from the ranking.
  const office = await loggedInPage(browser, 'city-office')
  await openRanking(office, period)
  assert.equal(await office.locator('[data-test="ranking-state"]').getAttribute('data-state'), 'open')
  await office.locator('[data-test="ranking-table"] tbody tr').first().waitFor()
  await office.locator('[data-test="ranking-publish"]').click()
  await confirmBox(office)
  await office.locator('[data-test="ranking-state"][data-state="preliminary"]').waitFor()
  assert.match((await office.locator('[data-test="ranking-state"]').textContent()) ?? '', /初步结果 · 申诉期至/)
  // The top three are said in words beside the colour.
  assert.ok((await office.locator('[data-test="ranking-table"]', { hasText: '前三' }).count()) > 0)
  await shot(office, 'assessment-ranking-1280')

  // The unit's handler appeals the case from the unit's page.
  const handler = await loggedInPage(browser, 'unit-handler')
  await handler.goto(`${BASE_URL}/assessment/units/${unitKey}?period=${period}`)
  await handler.locator('[data-test="unit-measures"]').waitFor()
  await handler.locator(`[data-test="appeal-${measure}-${caseRef.id}"]`).click()
  await handler.locator('[data-test="appeal-case"]', { hasText: caseRef.number }).waitFor()
  await handler.fill('[data-test="appeal-reason"]', '诉求人反映的问题属供热企业管线故障，非本单位职责，已按规定告知。')
  await handler.locator('[data-test="appeal-save"]').click()
  await handler.locator('.el-message--success', { hasText: '申诉已提交' }).first().waitFor()
  await handler.locator('[data-test="unit-appeals"]', { hasText: '待审核' }).waitFor()

  // The city office accepts it in its queue.
  await office.goto(`${BASE_URL}/assessment/appeals`)
  const row = office.locator('[data-test="appeals-table"] tr', { hasText: caseRef.number })
  await row.waitFor()
  await shot(office, 'assessment-appeals-1280')
  await row.locator('[data-test^="accept-"]').click()
  await office.fill('[data-test="decide-reason"]', '经核实，案件确属误派，同意申诉。')
  await office.locator('[data-test="decide-save"]').click()
  await office.locator('.el-message--success', { hasText: '已审核' }).first().waitFor()

  // The unit's page lists the case as excluded for the appeal.
  await handler.reload()
  const excluded = handler.locator(`[data-test="excluded-${measure}-${caseRef.id}"]`)
  await excluded.waitFor()
  assert.equal(await excluded.getAttribute('data-reason'), 'appeal')
  assert.match((await excluded.textContent()) ?? '', /申诉成立/)
  assert.equal(await handler.locator(`[data-test="against-${measure}-${caseRef.id}"]`).count(), 0)
  await handler.locator('[data-test="unit-trend"] canvas').first().waitFor()
  await tallShot(handler, 'assessment-unit-1280')

  // The city office closes the month.
  await openRanking(office, period)
  await office.locator('[data-test="ranking-close"]').click()
  await confirmBox(office)
  await office.locator('[data-test="ranking-state"][data-state="closed"]').waitFor()
  await office.locator('[data-test="ranking-reopen"]').waitFor()
  await tallShot(office, 'assessment-closed-1280')

  // The same pages on a phone.
  const phone = await loggedInPage(browser, 'city-office', PHONE)
  await openRanking(phone, period)
  await phone.locator('[data-test="ranking-table"] tbody tr').first().waitFor()
  await tallShot(phone, 'assessment-ranking-360')
  const phoneUnit = await loggedInPage(browser, 'unit-handler', PHONE)
  await phoneUnit.goto(`${BASE_URL}/assessment/units/${unitKey}?period=${period}`)
  await phoneUnit.locator(`[data-test="excluded-${measure}-${caseRef.id}"]`).waitFor()
  await tallShot(phoneUnit, 'assessment-unit-360', '[data-test="unit-trend"] canvas')

  for (const page of [office, handler, phone, phoneUnit]) {
    await page.context().close()
  }
}

await runScenarios({
  'the city office publishes, a unit appeals, the office accepts and closes': publishAppealAcceptClose,
})
