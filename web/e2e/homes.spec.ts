// End to end: every role logs in from `/`, as the README says, and lands on its own home
// (issue 11, points 1 and 2). Collectors (grid worker, cadre, director) see the big 采集/登记
// button and 我上报的 with an unread answer marked until they open it; the leader and the city and
// district offices the dashboard (the leader with the escalations waiting for an instruction);
// the other offices and units their workbench; the administrator
// 系统管理. Each home is photographed at 1280 px and 360 px (test-results/home-<user>-<width>.png),
// and the case page reads names, not codes (point 20).
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { caseAtHousingBureau, unitId } from './steps/case-setup'
import { ApiSession, BASE_URL, DESKTOP, PHONE, fitsThePhone, newContext, runScenarios, shot } from './support'

const RUN = Date.now().toString(36)

interface Landing {
  user: string
  /** The path the user lands on after logging in at `/`. */
  path: string
  /** What must be on that page. */
  content: string
}

const LANDINGS: Landing[] = [
  { user: 'grid-worker', path: '/', content: '[data-test="home-collector"]' },
  { user: 'cadre', path: '/', content: '[data-test="home-collector"]' },
  { user: 'director', path: '/', content: '[data-test="home-collector"]' },
  { user: 'leader', path: '/', content: '[data-test="home-dashboard"] [data-test="home-leader"]' },
  { user: 'city-office', path: '/', content: '[data-test="home-dashboard"]' },
  { user: 'district-office', path: '/', content: '[data-test="home-dashboard"]' },
  { user: 'street-office', path: '/workbench', content: '[data-bucket]' },
  { user: 'community-staff', path: '/workbench', content: '[data-bucket]' },
  { user: 'unit-handler', path: '/workbench', content: '[data-bucket]' },
  { user: 'unit-leader', path: '/workbench', content: '[data-bucket]' },
  { user: 'inspector', path: '/workbench', content: '[data-bucket]' },
  { user: 'admin', path: '/admin', content: '[data-test="admin-overview"], .page' },
]

/** Opens `/`, is sent to the login page, logs in there and waits to land. */
async function logInFromRoot(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/`)
  await page.waitForURL((url) => url.pathname === '/login')
  assert.equal(new URL(page.url()).search, '', '`/` asks for no return address: home is decided after login')
  await page.fill('input[name="username"]', username)
  await page.fill('input[name="password"]', 'minqing-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname !== '/login')
}


/** A grid worker's report that the community handled itself and answered. */
async function answeredGridReport(label: 'home' | 'unread'): Promise<{ id: number; title: string }> {
  const grid = await ApiSession.login('grid-worker')
  const community = await ApiSession.login('community-staff')
  const title = `楼道堆放杂物影响通行（${label} ${RUN}）`
  const created = await grid.post<{ id: number }>(
    '/api/v1/cases',
    {
      channel: 'grid',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: '0101',
      title,
      content: '3 号楼二单元楼道堆放旧家具，影响居民通行，存在消防隐患。',
      location: { address: '船营区德胜街道永前社区 3 号楼' },
      peopleInvolved: 1,
      reporter: { name: '赵桂芝', phone: '13804325566', anonymous: false, confidential: false },
    },
    { 'Idempotency-Key': `home-${label}-${RUN}` },
  )
  await community.post(`/api/v1/cases/${created.id}/actions/accept`, {})
  await community.post(`/api/v1/cases/${created.id}/actions/handle_locally`, {})
  await community.post(`/api/v1/cases/${created.id}/actions/answer`, { result: 'solved', answerText: '已联系物业清理楼道。' })
  return { id: created.id, title }
}

/** A case the housing bureau signed for and escalated to the city leader: its title. */
async function escalatedToTheLeader(label: string): Promise<string> {
  const title = `整栋楼冬季供暖不达标（${label} ${RUN}）`
  const id = await caseAtHousingBureau(title)
  const handler = await ApiSession.login('unit-handler')
  await handler.post(`/api/v1/cases/${id}/actions/sign`, {})
  const city = await unitId(handler, 'division', '吉林市')
  await handler.post(`/api/v1/cases/${id}/actions/escalate`, { targetId: city, note: '涉及热源厂改造，跨部门，请市领导协调' })
  return title
}

async function everyRoleLandsOnItsHome(browser: Browser): Promise<void> {
  // Something on the collector's and the leader's homes for the photographs.
  await answeredGridReport('home')
  await escalatedToTheLeader('首页')
  for (const landing of LANDINGS) {
    const context = await newContext(browser, DESKTOP)
    const page = await context.newPage()
    await logInFromRoot(page, landing.user)
    assert.equal(new URL(page.url()).pathname, landing.path, `${landing.user} lands on ${landing.path}`)
    assert.ok(!(await page.locator('text=无权访问').isVisible()), `${landing.user} is not told 无权访问`)
    await page.locator(landing.content).first().waitFor()
    await page.locator('[data-test="current-user"]').waitFor()
    await shot(page, `home-${landing.user}-1280`)
    await page.setViewportSize(PHONE)
    await fitsThePhone(page)
    await shot(page, `home-${landing.user}-360`)
    await context.close()
  }
}

async function collectorSeesTheAnswerUnreadUntilOpened(browser: Browser): Promise<void> {
  const report = await answeredGridReport('unread')
  const context = await newContext(browser, DESKTOP)
  const page = await context.newPage()
  await logInFromRoot(page, 'grid-worker')
  const collect = page.locator('[data-test="home-collect"]')
  assert.match((await collect.textContent()) ?? '', /采集 \/ 登记/)
  await page.getByRole('heading', { name: '我上报的' }).waitFor()

  const item = page.locator('[data-test="my-report"]', { hasText: report.title })
  await item.waitFor()
  assert.equal(await page.locator('[data-test="my-report"]').first().textContent().then((t) => t?.includes(report.title)), true, 'newest first')
  assert.equal(await item.getAttribute('data-unread'), 'true')
  assert.match((await item.textContent()) ?? '', /新答复/)
  assert.match((await item.textContent()) ?? '', /已联系物业清理楼道。/)
  assert.match((await item.textContent()) ?? '', /物业管理/, 'the category by name')
  await shot(page, 'home-grid-worker-unread-1280')

  await item.click()
  await page.waitForURL(new RegExp(`/cases/${report.id}$`))
  await page.locator('[data-test="case-number"]').waitFor()
  // Point 20: the case page reads names.
  assert.equal(((await page.locator('[data-test="case-category"]').textContent()) ?? '').trim(), '物业管理')
  const timeline = (await page.locator('[data-test="timeline"]').textContent()) ?? ''
  assert.match(timeline, /永前社区网格员/, 'the colleague who recorded it, by name')
  assert.match(timeline, /永前社区工作人员/, 'the colleague who answered it, by name')

  await page.locator('[data-test="menu-home"]').click()
  await page.waitForURL(`${BASE_URL}/`)
  const again = page.locator('[data-test="my-report"]', { hasText: report.title })
  await again.waitFor()
  assert.equal(await again.getAttribute('data-unread'), 'false', 'opened, so read')

  await collect.click()
  await page.waitForURL(`${BASE_URL}/intake/grid`)
  await context.close()
}

async function leaderSeesTheEscalationsWaiting(browser: Browser): Promise<void> {
  const title = await escalatedToTheLeader('批示')
  const context = await newContext(browser, DESKTOP)
  const page = await context.newPage()
  await logInFromRoot(page, 'leader')
  await page.getByRole('heading', { name: '待批示的提级件' }).waitFor()
  const item = page.locator('[data-test="escalations"] [data-test="bucket-item"]', { hasText: title })
  await item.waitFor()
  assert.match((await item.textContent()) ?? '', /供暖供热 · 吉林市住房和城乡建设局/, 'category and holder by name')
  await item.click()
  await page.locator('[data-test="action-instruct"]').waitFor()
  await context.close()
}

await runScenarios({ everyRoleLandsOnItsHome, collectorSeesTheAnswerUnreadUntilOpened, leaderSeesTheEscalationsWaiting })
