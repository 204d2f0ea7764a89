// End to end: the choices the action dialogs now give (issue 11, points 5, 9, 17, 18, 19).
// A community reports a case straight to its district office (越级上报); the office that
// dispatched a case grants fewer days of extension than the unit asked for; the unit passes a
// case to one of its sections and its 分管领导 signs the answer a 承办人 drafted; a merge of
// unlike cases asks for a confirmation; a unit contacts a confidential reporter through the
// platform. Setup that is not under test goes through the API.
import assert from 'node:assert/strict'
import type { Browser, Locator, Page } from 'playwright-core'
import { ApiSession, BASE_URL, DESKTOP, loggedInPage, PHONE, runScenarios, shot } from './support'
import { actionDialog, openCase, stateText, timelineActions } from './steps/case-page'
import { caseAtHousingBureau, registerAtCityOffice } from './steps/case-setup'

interface CaseJson {
  id: number
  state: string
  holder: { id: number; name: string; level: string } | null
  requestedExtensionDays: number
  unitReviewPending: boolean
  assigneeUnit: { name: string } | null
  firstContactAt: string | null
  masterCaseId: number | null
}
interface EventJson {
  action: string
  payload: Record<string, unknown>
}

async function asUser(browser: Browser, username: string, id: number, work: (page: Page) => Promise<void>): Promise<void> {
  const page = await loggedInPage(browser, username)
  try {
    await openCase(page, id)
    await work(page)
  } finally {
    await page.context().close()
  }
}

/** Opens the action's dialog. */
async function openDialog(page: Page, action: string): Promise<Locator> {
  await page.locator(`[data-test="action-${action}"]`).click()
  const dialog = actionDialog(page, action)
  await dialog.waitFor()
  return dialog
}

/** Screenshots of an open dialog at 1280 px and at 360 px; the page is left at 1280 px. */
async function shotBoth(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-1280`)
  await page.setViewportSize(PHONE)
  await shot(page, `${name}-360`)
  await page.setViewportSize(DESKTOP)
}

async function submitAndWait(page: Page, dialog: Locator, label: string): Promise<void> {
  await dialog.locator('[data-test="action-submit"]').click()
  await page.locator('.el-message--success', { hasText: `${label}已完成` }).first().waitFor()
  await dialog.waitFor({ state: 'hidden' })
}

async function events(session: ApiSession, id: number): Promise<EventJson[]> {
  return (await session.get<{ items: EventJson[] }>(`/api/v1/cases/${id}/events`)).items
}

async function communityForwardsStraightToTheDistrict(browser: Browser): Promise<void> {
  const community = await ApiSession.login('community-staff')
  const stamp = Date.now()
  const created = await community.post<CaseJson>(
    '/api/v1/cases',
    {
      channel: 'walk_in',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: '0301',
      title: '小区集中供热管网破损',
      content: `永前社区多栋楼供热管网破损漏水，需区里协调供热公司统一维修。（${stamp}）`,
      location: { address: '船营区德胜街道永前社区' },
      peopleInvolved: 1,
      reporter: { name: '赵淑华', phone: '13804320002', anonymous: false, confidential: false },
    },
    { 'Idempotency-Key': `forward-${stamp}` },
  )
  await community.post(`/api/v1/cases/${created.id}/actions/accept`, {})

  await asUser(browser, 'community-staff', created.id, async (page) => {
    const dialog = await openDialog(page, 'forward')
    // The next level up (the street office) is chosen at first, as the server's default is.
    const select = dialog.locator('[data-test="field-targetId"]')
    await select.locator('.el-select__selected-item', { hasText: '德胜街道' }).first().waitFor()
    await select.click()
    const options = page.locator('.el-select-dropdown__item:visible')
    await options.first().waitFor()
    const offered = (await options.allTextContents()).map((text) => text.trim())
    assert.equal(offered.length, 3, `street, district and city are offered: ${offered.join(' / ')}`)
    assert.match(offered[1] ?? '', /船营区/)
    assert.match(offered[2] ?? '', /吉林市|市绿色通道办公室/)
    await shot(page, 'dialogs-forward-choice-1280')
    await options.filter({ hasText: '船营区' }).first().click()
    await select.locator('.el-select__selected-item', { hasText: '船营区' }).first().waitFor()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
    await shotBoth(page, 'dialogs-forward')
    await submitAndWait(page, dialog, '上报')
  })

  const district = await ApiSession.login('district-office')
  const after = await district.get<CaseJson>(`/api/v1/cases/${created.id}`)
  assert.equal(after.holder?.level, 'district', `the district office holds it: ${after.holder?.name}`)
  assert.equal(after.state, 'routing')
}

async function approverGrantsFewerDaysThanAsked(browser: Browser): Promise<void> {
  const id = await caseAtHousingBureau('供暖管线改造需延期')
  const handler = await ApiSession.login('unit-handler')
  await handler.post(`/api/v1/cases/${id}/actions/sign`, {})

  // The unit asks; more than the case's cap (its original limit, at most 10) is refused by number.
  await asUser(browser, 'unit-handler', id, async (page) => {
    const dialog = await openDialog(page, 'request_extension')
    await dialog.locator('[data-test="field-reason"]').fill('需协调热力公司停热施工')
    const days = dialog.locator('[data-test="field-extensionDays"] input')
    await days.fill('10')
    await days.blur()
    await dialog.locator('[data-test="action-submit"]').click()
    await dialog.locator('.el-form-item__error', { hasText: /最多可延期 \d+ 个工作日/ }).waitFor()
    await shotBoth(page, 'dialogs-request-extension-cap')
    await days.fill('4')
    await days.blur()
    await submitAndWait(page, dialog, '申请延期')
  })

  await asUser(browser, 'city-office', id, async (page) => {
    const dialog = await openDialog(page, 'approve_extension')
    await dialog.locator('[data-test="requested-days"]', { hasText: '申请延期 4 个工作日' }).waitFor()
    const days = dialog.locator('[data-test="field-grantedDays"] input')
    assert.equal(await days.inputValue(), '4', 'the requested days are granted unless changed')
    await days.fill('2')
    await days.blur()
    await shotBoth(page, 'dialogs-approve-extension')
    await submitAndWait(page, dialog, '同意延期')
    assert.equal(await stateText(page), '办理中')
    await page.locator('[data-test="timeline-granted"]', { hasText: '申请 4 个工作日，同意 2 个工作日' }).waitFor()
  })

  const approved = (await events(handler, id)).find((event) => event.action === 'approve_extension')
  assert.equal(approved?.payload.requestedDays, 4)
  assert.equal(approved?.payload.grantedDays, 2, 'the event records the granted days, not the requested ones')
}

async function unitLeaderSignsTheDraftedAnswer(browser: Browser): Promise<void> {
  const id = await caseAtHousingBureau('楼道暖气片漏水')
  const handler = await ApiSession.login('unit-handler')
  await handler.post(`/api/v1/cases/${id}/actions/sign`, {})

  // The unit passes the case to its section (交办).
  await asUser(browser, 'unit-handler', id, async (page) => {
    const dialog = await openDialog(page, 'assign')
    await dialog.locator('[data-test="field-targetId"]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '物业管理科' }).first().click()
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
    await shotBoth(page, 'dialogs-assign')
    await submitAndWait(page, dialog, '交办')
    await page.locator('[data-test="case-assignee"]', { hasText: '物业管理科' }).waitFor()
  })

  await handler.post(`/api/v1/cases/${id}/actions/contact_reporter`, { note: '已电话联系诉求人，约定上门时间。' })
  const drafted = '经物业管理科上门检查，系暖气片接口老化漏水，已更换接口并清理楼道积水。'
  await handler.post(`/api/v1/cases/${id}/actions/answer`, { result: 'solved', answerText: drafted })

  await asUser(browser, 'unit-leader', id, async (page) => {
    await page.locator('[data-test="unit-review-pending"]', { hasText: '答复待分管领导签发' }).waitFor()
    await shotBoth(page, 'dialogs-unit-review-pending')
    const dialog = await openDialog(page, 'approve_unit_answer')
    await dialog.locator('[data-test="unit-answer-text"]', { hasText: drafted }).waitFor()
    assert.equal(((await dialog.locator('[data-test="unit-answer-result"]').textContent()) ?? '').trim(), '已解决')
    await shotBoth(page, 'dialogs-approve-unit-answer')
    await submitAndWait(page, dialog, '签发')
    assert.equal(await stateText(page), '待审核')
    assert.equal(await page.locator('[data-test="unit-review-pending"]').count(), 0)
    const steps = await timelineActions(page)
    assert.ok(steps.includes('assign') && steps.includes('approve_unit_answer'), `the timeline has both: ${steps.join(', ')}`)
  })
}

async function mergeOfUnlikeCasesAsksFirst(browser: Browser): Promise<void> {
  const cityOffice = await ApiSession.login('city-office')
  const master = await registerAtCityOffice(cityOffice, '供暖温度不达标')
  const stamp = Date.now()
  const water = await cityOffice.post<CaseJson>(
    '/api/v1/cases',
    {
      channel: 'walk_in',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: '0302',
      title: '小区停水三天',
      content: `小区连续三天停水，物业未作说明。（${stamp}）`,
      location: { address: '吉林市昌邑区' },
      peopleInvolved: 1,
      reporter: { name: '孙丽', phone: '13804320003', anonymous: false, confidential: false },
    },
    { 'Idempotency-Key': `merge-${stamp}` },
  )

  await asUser(browser, 'city-office', water.id, async (page) => {
    const dialog = await openDialog(page, 'merge')
    await dialog.locator('[data-test="field-masterCaseId"] input').fill(String(master))
    await dialog.locator('[data-test="action-submit"]').click()
    // Nothing is merged yet: the dialog says what differs and asks.
    await dialog.locator('[data-test="merge-differs-category"]', { hasText: '供暖供热' }).waitFor()
    await dialog.locator('[data-test="merge-master"]', { hasText: '供暖温度不达标' }).waitFor()
    await dialog.locator('[data-test="action-submit"]', { hasText: '仍要并案' }).waitFor()
    assert.equal((await cityOffice.get<CaseJson>(`/api/v1/cases/${water.id}`)).state, 'registered')
    await shotBoth(page, 'dialogs-merge-confirm')
    await submitAndWait(page, dialog, '并案')
  })
  assert.equal((await cityOffice.get<CaseJson>(`/api/v1/cases/${water.id}`)).masterCaseId, master)
}

async function unitRelaysAMessageToAConfidentialReporter(browser: Browser): Promise<void> {
  const cityOffice = await ApiSession.login('city-office')
  const stamp = Date.now()
  const created = await cityOffice.post<CaseJson>(
    '/api/v1/cases',
    {
      channel: 'walk_in',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: '0301',
      title: '举报供热公司违规收费',
      content: `反映供热公司额外收取管网维护费，要求保密。（${stamp}）`,
      location: { address: '吉林市昌邑区' },
      peopleInvolved: 1,
      reporter: { name: '周敏', phone: '13804320004', anonymous: false, confidential: true },
    },
    { 'Idempotency-Key': `relay-${stamp}` },
  )
  await cityOffice.post(`/api/v1/cases/${created.id}/actions/accept`, {})
  const bureau = (await cityOffice.get<{ items: { id: number; name: string }[] }>('/api/v1/org/units?kind=unit')).items.find(
    (unit) => unit.name === '吉林市住房和城乡建设局',
  )
  await cityOffice.post(`/api/v1/cases/${created.id}/actions/dispatch`, { targetId: bureau?.id, method: 'network' })
  const handler = await ApiSession.login('unit-handler')
  await handler.post(`/api/v1/cases/${created.id}/actions/sign`, {})

  await asUser(browser, 'unit-handler', created.id, async (page) => {
    const dialog = await openDialog(page, 'contact_reporter')
    await dialog.locator('[data-test="field-relay"]').click()
    assert.equal(await dialog.locator('[data-test="field-note"]').count(), 0, 'the relayed message replaces the note')
    await dialog.locator('[data-test="field-relayMessage"]').fill('您反映的收费问题已转我局核查，将于3个工作日内答复。')
    await shotBoth(page, 'dialogs-contact-relay')
    await submitAndWait(page, dialog, '联系诉求人')
  })
  const contacted = (await events(handler, created.id)).find((event) => event.action === 'contact_reporter')
  assert.match(String(contacted?.payload.relayMessage ?? ''), /收费问题已转我局核查/)
}

async function adminSwitchesTheUnitsAnswerApproval(browser: Browser): Promise<void> {
  const admin = await ApiSession.login('admin')
  const units = await admin.get<{ items: { id: number; name: string }[] }>('/api/v1/org/units?kind=unit')
  const bureau = units.items.find((unit) => unit.name === '吉林市住房和城乡建设局')
  assert.ok(bureau)
  const page = await loggedInPage(browser, 'admin')
  try {
    await page.goto(`${BASE_URL}/admin/org`)
    await page.locator('[data-test="org-tree"] .el-tree-node').first().waitFor()
    await page.fill('[data-test="org-search"]', '吉林市住房和城乡建设局')
    await page.locator('[data-test="org-search-hit"]', { hasText: /^吉林市住房和城乡建设局/ }).first().click()
    await page.locator('[data-test="unit-name"]', { hasText: /^吉林市住房和城乡建设局$/ }).waitFor()
    await page.click('[data-test="unit-edit"]')
    const toggle = page.locator('[data-test="unit-answer-approval"]')
    await toggle.waitFor()
    assert.equal(await toggle.locator('input').isChecked(), true, 'on by default')
    await toggle.click()
    await toggle.scrollIntoViewIfNeeded()
    await shot(page, 'dialogs-admin-answer-approval-1280')
    await page.click('[data-test="unit-save"]')
    await page.locator('.el-message--success').first().waitFor()
    const saved = await admin.get<{ answerApproval: boolean }>(`/api/v1/org/units/${bureau.id}`)
    assert.equal(saved.answerApproval, false)
  } finally {
    await admin.call('PATCH', `/api/v1/org/units/${bureau.id}`, { answerApproval: true })
    await page.context().close()
  }
}

await runScenarios({
  'a community forwards straight to its district office': communityForwardsStraightToTheDistrict,
  'the dispatching office grants fewer days than asked': approverGrantsFewerDaysThanAsked,
  "the unit's leader signs the answer its handler drafted": unitLeaderSignsTheDraftedAnswer,
  'merging unlike cases asks for a confirmation': mergeOfUnlikeCasesAsksFirst,
  'a unit relays a message to a confidential reporter': unitRelaysAMessageToAConfidentialReporter,
  "an administrator switches off a unit's answer approval": adminSwitchesTheUnitsAnswerApproval,
})
