// End to end: stored XSS. A district administrator names a street, a community and a grid with
// markup, and a user of theirs too; the city administrator names a category and edits a
// message template with markup; the city office files a case whose title, content, address,
// reporter and attachment file names are markup, dispatches it to the hostile street, issues a
// 督办单 with a hostile note, and keeps a saved view with a hostile name and keyword. Then every
// page that shows these is opened as the people who read them — the org page with its map and
// tooltips, users, direct cards, categories, templates, the intake category picker, the case
// list and its saved view, the case page with its timeline and attachments, the workbench, the
// bell and the supervision centre with its chart, and the leader's dashboard (its map's tooltips
// and table, with the grid renamed by the city administrator to set window.__pwned) — and each
// must show the text literally and run none of it: no dialog, no window.__xss or __pwned, no
// element made from a payload, no
// Content-Security-Policy violation. Finally the district administrator has no more roles than
// before (the original attack granted itself the city's admin role).
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, DESKTOP, PHONE, loggedInPage, runScenarios, shot } from './support'
import { openCase } from './steps/case-page'

const RUN = Date.now().toString(36)
const TAG = RUN.slice(-4)

/** Each sets window.__xss if it runs; the last is text for a template engine, if one looked. */
const IMG = '<img src=x onerror="window.__xss=1">'
const IMG_SHORT = '<img src=x onerror=window.__xss=1>'
const SVG = '<svg onload=window.__xss=1>'
const SCRIPT = '"><script>window.__xss=1</script>'
const TEMPLATE = "{{ 7*7 }}{{constructor.constructor('window.__xss=1')()}}"
/** The name the city administrator gives the hostile grid for the dashboard. */
const PWNED = '<img src=x onerror="window.__pwned=1">'

// ---------------------------------------------------------------------------------------------
// Watching a page

interface Watched {
  page: Page
  dialogs: string[]
  consoleCsp: string[]
}

/** A logged-in page that records dialogs, CSP reports in the console and `securitypolicyviolation` events. */
async function watchedPage(browser: Browser, username: string, viewport = DESKTOP, password?: string): Promise<Watched> {
  const page = await loggedInPage(browser, username, viewport, password)
  const watched: Watched = { page, dialogs: [], consoleCsp: [] }
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      watched.consoleCsp.push(message.text())
    }
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener(
      'securitypolicyviolation',
      (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
      true,
    )
  })
  return watched
}

/** What a payload left in the page: a set flag, a CSP report, or an element it made. */
function traces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const w = window as unknown as { __xss?: unknown; __pwned?: unknown; __cspViolations?: string[] }
    if (w.__xss !== undefined) {
      found.push(`window.__xss = ${String(w.__xss)}`)
    }
    if (w.__pwned !== undefined) {
      found.push(`window.__pwned = ${String(w.__pwned)}`)
    }
    for (const violation of w.__cspViolations ?? []) {
      found.push(`CSP violation: ${violation}`)
    }
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase()
      for (const attribute of element.getAttributeNames()) {
        if (/^on/i.test(attribute)) {
          found.push(`<${tag} ${attribute}="${element.getAttribute(attribute) ?? ''}">`)
        }
      }
      if (tag === 'img' && element.getAttribute('src') === 'x') {
        found.push('<img src="x">')
      }
      if (tag === 'script' && (element.textContent ?? '').includes('__xss')) {
        found.push(`<script>${element.textContent ?? ''}</script>`)
      }
    }
    return found
  })
}

/** Fails on anything a payload did to the page so far. */
async function assertClean(watched: Watched, where: string): Promise<void> {
  // An <img onerror> fires once the image has failed to load: give it the moment it takes.
  await watched.page.waitForTimeout(400)
  const found = [
    ...watched.dialogs.map((dialog) => `dialog ${dialog}`),
    ...watched.consoleCsp.map((line) => `console: ${line}`),
    ...(await traces(watched.page)),
  ]
  assert.deepEqual(found, [], `${where}: a payload ran or was parsed as markup`)
}

/** Each text is on the page as text, visibly (so a page showing nothing cannot pass). */
async function assertShown(page: Page, texts: readonly string[], where: string, scope = 'body'): Promise<void> {
  for (const text of texts) {
    try {
      await page.locator(scope).getByText(text).first().waitFor({ timeout: 10_000 })
    } catch {
      const shown = (await page.locator(scope).first().innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600)
      assert.fail(`${where}: «${text}» is not shown literally; the page shows: ${shown}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Setup through the API

interface Unit {
  id: number
  name: string
}

/** A square of `size` degrees with its south-west corner at (lng, lat), as GeoJSON. */
function square(lng: number, lat: number, size = 0.01): { type: 'Polygon'; coordinates: number[][][] } {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  let crc = 0xffffffff
  for (const byte of body) {
    crc ^= byte
    for (let k = 0; k < 8; k++) {
      crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
    }
  }
  const sum = Buffer.alloc(4)
  sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0)
  return Buffer.concat([length, body, sum])
}

/** An 8×8 grey PNG. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header[8] = 8
  header[9] = 2
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(8 * 3, 160)])
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A one-page PDF with nothing on it. */
function tinyPdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj',
      'trailer <</Root 1 0 R>>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  )
}

interface Hostile {
  districtAdmin: { id: number; username: string; roles: string[] }
  street: Unit
  community: Unit
  grid: Unit
  streetUser: { username: string; password: string; displayName: string }
  category: { code: string; name: string; keyword: string }
  subcategory: { code: string; name: string }
  templates: { key: string; channel: string; text: string; original: string }[]
  caseId: number
  caseNumber: string
  title: string
  content: string
  address: string
  reporterName: string
  files: string[]
  note: string
  view: { name: string; keyword: string }
}

let hostile: Hostile | null = null

/** The roles of a user as "role@unit id", sorted. */
async function rolesOf(admin: ApiSession, id: number): Promise<string[]> {
  const user = await admin.get<{ roles: { role: string; orgUnit: { id: number } }[] }>(`/api/v1/users/${id}`)
  return user.roles.map((role) => `${role.role}@${role.orgUnit.id}`).sort()
}

async function setUp(): Promise<Hostile> {
  const admin = await ApiSession.login('admin')
  const password = `xss-pass-${RUN}`

  // A district administrator of 船营区, as the one who made the original hostile street.
  const districts = await admin.get<{ items: Unit[] }>('/api/v1/org/units?level=district&kind=division')
  const district = districts.items.find((unit) => unit.name === '船营区')
  assert.ok(district, '船营区 is in the demo network')
  const daName = `e2e-xss-da-${RUN}`
  const da = await admin.post<{ id: number }>('/api/v1/users', { username: daName, displayName: '区管理员', phone: '', password })
  await admin.post(`/api/v1/users/${da.id}/roles`, { role: 'admin', orgUnitId: district.id })
  const daRoles = await rolesOf(admin, da.id)

  // Their street, community and grid, side by side so each can be hovered on the map.
  const districtAdmin = await ApiSession.login(daName, password)
  const street = await districtAdmin.post<Unit>('/api/v1/org/units', {
    code: `E2E-XSS-S-${RUN}`,
    name: `街道${TAG}${IMG}`,
    kind: 'division',
    level: 'street',
    parentId: district.id,
    boundary: square(126.5, 43.85),
  })
  const community = await districtAdmin.post<Unit>('/api/v1/org/units', {
    code: `E2E-XSS-C-${RUN}`,
    name: `社区${TAG}${SVG}`,
    kind: 'division',
    level: 'community',
    parentId: street.id,
    boundary: square(126.512, 43.85),
  })
  const grid = await districtAdmin.post<Unit>('/api/v1/org/units', {
    code: `E2E-XSS-G-${RUN}`,
    name: `网格${TAG}${SCRIPT}`,
    kind: 'division',
    level: 'grid',
    parentId: community.id,
    boundary: square(126.524, 43.85),
  })
  // A user of theirs with a hostile display name, in the street's office.
  const streetUsername = `e2e-xss-st-${RUN}`
  const streetUser = await districtAdmin.post<{ id: number; displayName: string }>('/api/v1/users', {
    username: streetUsername,
    displayName: `用户${TAG}${SCRIPT}`,
    phone: '',
    password,
  })
  await districtAdmin.post(`/api/v1/users/${streetUser.id}/roles`, { role: 'street_office', orgUnitId: street.id })
  // …who is also the community's director and holds its direct card.
  await districtAdmin.post(`/api/v1/users/${streetUser.id}/roles`, { role: 'director', orgUnitId: community.id })
  await districtAdmin.post('/api/v1/direct-cards', { communityId: community.id, holderId: streetUser.id })

  // A category and a subcategory (codes free in this database), and two edited templates.
  const categories = await admin.get<{ items: { code: string }[] }>('/api/v1/categories?includeInactive=true')
  const taken = new Set(categories.items.map((c) => c.code))
  const top = Array.from({ length: 90 }, (_, i) => String(99 - i)).find((code) => !taken.has(code))
  assert.ok(top, 'a free top-level category code')
  const category = await admin.post<{ code: string; name: string; keywords: string[] }>('/api/v1/categories', {
    code: top,
    name: `类${TAG}${IMG_SHORT}`,
    parentCode: null,
    keywords: ['<svg onload=1>'],
  })
  const subcategory = await admin.post<{ code: string; name: string }>('/api/v1/categories', {
    code: `${top}01`,
    name: `子类${TAG}${SVG}`,
    parentCode: top,
    keywords: [],
  })
  const allTemplates = await admin.get<{ items: { key: string; channel: string; text: string }[] }>('/api/v1/message-templates')
  const templates: Hostile['templates'] = []
  for (const key of ['case_dispatched']) {
    const original = allTemplates.items.find((item) => item.key === key && item.channel === 'inbox')
    assert.ok(original, `the ${key} inbox template exists`)
    const text = `${IMG}${SVG} 案件{number}「{title}」`
    const saved = await admin.call<{ text: string }>('PUT', `/api/v1/message-templates/${key}/inbox`, { text })
    templates.push({ key, channel: 'inbox', text: saved.text, original: original.text })
  }

  // The case: every text field the walk-in intake takes.
  const office = await ApiSession.login('city-office')
  const created = await office.post<{ id: number; number: string; title: string; content: string; location: { address: string } }>(
    '/api/v1/cases',
    {
      channel: 'walk_in',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: subcategory.code,
      title: `标题${TAG}${IMG}`,
      content: `内容${TAG} ${SVG} ${SCRIPT} ${TEMPLATE}`,
      location: { address: `地址${TAG}${SVG}` },
      peopleInvolved: 1,
      reporter: { name: `${SCRIPT}`, phone: '13804320001', anonymous: false, confidential: false },
    },
    { 'Idempotency-Key': `xss-${RUN}` },
  )
  const files: string[] = []
  for (const [name, bytes, type] of [
    [`${IMG}.png`, tinyPng(), 'image/png'],
    // A file name may not hold a slash, so no closing tag here.
    [`"><svg onload=window.__xss=1>${TAG}.pdf`, tinyPdf(), 'application/pdf'],
  ] as const) {
    const file = await office.upload<{ filename: string }>(
      `/api/v1/cases/${created.id}/attachments?filename=${encodeURIComponent(name)}`,
      bytes,
      type,
    )
    files.push(file.filename)
  }
  await office.post(`/api/v1/cases/${created.id}/actions/accept`, {})
  await office.post(`/api/v1/cases/${created.id}/actions/dispatch`, { targetId: street.id, method: 'network' })
  const note = `督办${TAG}${IMG}`
  const order = await office.post<{ note: string }>(`/api/v1/cases/${created.id}/supervisions`, { note, replyDays: 1 })
  const view = await office.post<{ name: string; query: { keyword: string } }>('/api/v1/saved-views', {
    name: `视${TAG}"><svg onload=window.__xss=1>`,
    query: { keyword: SVG, orgUnit: String(street.id) },
  })
  const revealed = await office.post<{ reporter: { name: string } }>(`/api/v1/cases/${created.id}/reveal-reporter`)

  // Three days on, the case is red at the street (the supervision centre's chart shows it).
  await admin.post('/api/v1/test/clock', { advanceMinutes: 3 * 24 * 60 })
  await (await ApiSession.login('admin')).post('/api/v1/test/sweep')

  return {
    districtAdmin: { id: da.id, username: daName, roles: daRoles },
    street,
    community,
    grid,
    streetUser: { username: streetUsername, password, displayName: streetUser.displayName },
    category: { code: category.code, name: category.name, keyword: category.keywords[0] ?? '' },
    subcategory,
    templates,
    caseId: created.id,
    caseNumber: created.number,
    title: created.title,
    content: created.content,
    address: created.location.address,
    reporterName: revealed.reporter.name,
    files,
    note: order.note,
    view: { name: view.name, keyword: view.query.keyword },
  }
}

function data(): Hostile {
  assert.ok(hostile, 'the hostile data was set up')
  return hostile
}

// ---------------------------------------------------------------------------------------------
// The pages

/** The names in the map's tooltips after hovering each shape (permanent labels count too). */
async function hoverMapShapes(page: Page): Promise<string[]> {
  const paths = page.locator('[data-test="org-map"] .leaflet-overlay-pane path.leaflet-interactive')
  await paths.first().waitFor()
  const names = new Set<string>()
  for (let i = 0; i < (await paths.count()); i++) {
    const box = await paths.nth(i).boundingBox()
    if (!box) {
      continue
    }
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3)
    for (const text of await page.locator('[data-test="org-map"] .leaflet-tooltip').allTextContents()) {
      names.add(text.trim())
    }
  }
  return [...names]
}

async function orgPageAndMap(browser: Browser): Promise<void> {
  const h = data()
  const watched = await watchedPage(browser, 'admin', DESKTOP)
  const { page } = watched
  await page.goto(`${BASE_URL}/admin/org?unit=${h.street.id}`)
  await page.locator('[data-test="unit-name"]').getByText(h.street.name).waitFor()
  await page.locator('[data-test="org-map"] .leaflet-overlay-pane path').first().waitFor()
  await page.locator('[data-test="org-map"]').scrollIntoViewIfNeeded()
  const hovered = await hoverMapShapes(page)
  await assertClean(watched, 'org page and map (1280)')
  for (const unit of [h.street, h.community, h.grid]) {
    assert.ok(hovered.includes(unit.name), `the map's tooltips name ${unit.name} literally (saw ${JSON.stringify(hovered)})`)
  }
  await assertShown(page, [h.street.name, h.community.name, h.grid.name], 'org map (1280)', '[data-test="org-map"]')
  await page.locator('[data-test="org-map"]').screenshot({ path: screenshotPath('xss-org-map-1280') })
  await shot(page, 'xss-org-1280')

  // On a phone the names are not permanent labels: each shows when its shape is touched.
  await page.setViewportSize(PHONE)
  await page.locator('[data-test="org-map"]').scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  const touched = await hoverMapShapes(page)
  await assertClean(watched, 'org map (360)')
  for (const unit of [h.street, h.community, h.grid]) {
    assert.ok(touched.includes(unit.name), `on a phone the map names ${unit.name} literally (saw ${JSON.stringify(touched)})`)
  }
  await page.locator('[data-test="org-map"]').screenshot({ path: screenshotPath('xss-org-map-360') })

  // The tree and the community's own page.
  await page.setViewportSize(DESKTOP)
  await page.goto(`${BASE_URL}/admin/org?unit=${h.community.id}`)
  await page.locator('[data-test="unit-name"]').getByText(h.community.name).waitFor()
  await page.fill('[data-test="org-search"]', TAG)
  await assertShown(page, [h.street.name, h.community.name, h.grid.name], 'org search', '[data-test="org-search-results"]')
  await assertClean(watched, 'org tree search')
  await page.context().close()
}

function screenshotPath(name: string): string {
  return `${process.env.MINQING_E2E_SCREENSHOTS || '/tmp'}/${name}.png`
}

async function adminReferencePages(browser: Browser): Promise<void> {
  const h = data()
  const watched = await watchedPage(browser, 'admin', DESKTOP)
  const { page } = watched

  await page.goto(`${BASE_URL}/admin/users`)
  await page.fill('[data-test="user-keyword"]', h.streetUser.username)
  await page.click('[data-test="user-search-submit"]')
  await assertShown(page, [h.streetUser.displayName], 'users', '[data-test="user-table"]')
  await page.locator('[data-test="user-table"] .el-table__row', { hasText: h.streetUser.username }).locator('[data-test="user-roles-open"]').click()
  await assertShown(page, [h.street.name], 'user roles drawer', '[data-test="user-roles"]')
  await assertClean(watched, 'users page')
  await page.keyboard.press('Escape')

  await page.goto(`${BASE_URL}/admin/direct-cards`)
  const card = page.locator('[data-test="card-table"] .el-table__row', { hasText: h.community.name })
  await card.first().waitFor()
  await assertShown(page, [h.community.name, h.streetUser.displayName], 'direct cards', '[data-test="card-table"]')
  await assertClean(watched, 'direct cards page')

  await page.goto(`${BASE_URL}/admin/categories`)
  await page.fill('[data-test="category-search"] input, input[data-test="category-search"]', TAG)
  await assertShown(page, [h.category.name, h.subcategory.name], 'categories tree', '[data-test="category-tree"]')
  await page.locator('[data-test="category-node"]', { hasText: h.category.name }).first().click()
  await assertShown(page, [h.category.keyword], 'category keywords', '[data-test="category-detail"]')
  await assertClean(watched, 'categories page')

  await page.goto(`${BASE_URL}/admin/templates`)
  for (const template of h.templates) {
    await assertShown(page, [template.text], `template ${template.key}`, '[data-test="template-table"]')
  }
  await assertClean(watched, 'templates page')
  await page.context().close()
}

async function cityOfficePages(browser: Browser): Promise<void> {
  const h = data()
  const watched = await watchedPage(browser, 'city-office', DESKTOP)
  const { page } = watched

  // The case list, its saved view (name, and the unit and keyword in its tooltip).
  await page.goto(`${BASE_URL}/cases`)
  await page.locator('[data-test="saved-view"]', { hasText: h.view.name }).waitFor()
  await assertShown(page, [h.view.name], 'saved views', '[data-test="saved-views"]')
  await page.locator('[data-test="saved-view"]', { hasText: h.view.name }).hover()
  await assertShown(page, [h.street.name, h.view.keyword], 'saved view tooltip', '.el-popper')
  await page.locator('[data-test="saved-view"]', { hasText: h.view.name }).click()
  await page.waitForURL((url) => url.searchParams.get('orgUnit') === String(h.street.id))
  assert.equal(await page.locator('input[name="keyword"]').inputValue(), h.view.keyword, 'the view puts its keyword in the form')
  await assertClean(watched, 'case list with the saved view')
  await page.goto(`${BASE_URL}/cases?orgUnit=${h.street.id}`)
  await assertShown(page, [h.title], 'case list', '[data-test="case-table"]')
  await assertClean(watched, 'case list')

  // The intake form's category picker, searched.
  await page.goto(`${BASE_URL}/intake/walk-in`)
  const picker = page.locator('[data-test="category-picker"] input').first()
  await picker.click()
  await picker.fill(TAG)
  await assertShown(page, [h.subcategory.name], 'category picker', '.el-cascader__suggestion-panel')
  await assertClean(watched, 'intake category picker')
  await page.keyboard.press('Escape')

  // The case page: facts, reporter (revealed), timeline, attachments and the 督办单.
  await openCase(page, h.caseId)
  await assertShown(page, [h.title, h.content, h.address, h.street.name, h.note], 'case page')
  await page.locator('[data-test="reveal-reporter"]').click()
  await page.locator('[data-test="reporter"]', { hasText: h.reporterName }).waitFor()
  const pdf = h.files[1] ?? ''
  await assertShown(page, [pdf], 'attachments and timeline', '[data-test="attachments"]')
  await assertShown(page, [pdf], 'timeline', '[data-test="timeline"]')
  const image = page.locator('[data-test="attachment-image"]').first()
  const titles = await image.evaluate((el) => [el, ...Array.from(el.querySelectorAll('[title], [alt]'))].map((e) => `${e.getAttribute('title') ?? ''}|${e.getAttribute('alt') ?? ''}`))
  assert.ok(
    titles.some((pair) => pair.includes(h.files[0] ?? '-')),
    `the image carries its file name as an attribute's text (${JSON.stringify(titles)})`,
  )
  await image.locator('img').click()
  await page.locator('.el-image-viewer__wrapper').waitFor()
  await assertClean(watched, 'case page and image preview')
  await page.keyboard.press('Escape')
  await page.locator('.el-image-viewer__wrapper').waitFor({ state: 'hidden' })
  await shot(page, 'xss-case-page')

  // The supervision centre: the 督办单 and its unit.
  await page.goto(`${BASE_URL}/supervision?tab=orders&status=manual&unit=${h.street.id}`)
  const row = page.locator('[data-test="orders-table"] .el-table__row', { hasText: h.note }).first()
  await row.waitFor()
  await assertShown(page, [h.street.name, h.note], 'supervision orders', '[data-test="orders-table"]')
  // The note's cell is cut short; hovering it opens Element Plus's overflow tooltip.
  await row.getByText(h.note).hover()
  await assertClean(watched, 'supervision orders')
  await page.context().close()
}

async function streetOfficePages(browser: Browser): Promise<void> {
  const h = data()
  const watched = await watchedPage(browser, h.streetUser.username, DESKTOP, h.streetUser.password)
  const { page } = watched
  await page.goto(`${BASE_URL}/workbench`)
  await assertShown(page, [h.streetUser.displayName], 'header', '[data-test="current-user"]')
  await assertShown(page, [h.title], 'workbench')
  await assertClean(watched, 'workbench')

  // The bell: the dispatch notice, from the edited template, with the hostile title in it.
  await page.click('[data-test="notification-bell"]')
  await assertShown(page, [`${IMG}${SVG} 案件${h.caseNumber}「${h.title}」`], 'notifications', '.el-popper')
  await assertClean(watched, 'street notifications')

  // Their warnings: one unit, the hostile street, in the chart (its tooltip is HTML) and the table.
  await page.goto(`${BASE_URL}/supervision?tab=warnings`)
  const chart = page.locator('[data-test="warnings-chart"]')
  await chart.waitFor()
  await assertShown(page, [h.street.name], 'warnings table', '[data-test="warnings-table"]')
  await chart.locator('canvas').waitFor()
  await page.waitForFunction(() => document.querySelector('.warnings__body .el-loading-mask') === null)
  // ECharts draws its tooltip (as HTML) when the pointer moves over the bar's row.
  const tooltip = chart.locator('div', { hasText: h.street.name })
  for (let i = 0; i < 10 && (await tooltip.count()) === 0; i++) {
    const box = await chart.boundingBox()
    assert.ok(box, 'the chart is drawn')
    await page.mouse.move(box.x + box.width * (0.4 + i * 0.05), box.y + box.height * 0.6, { steps: 4 })
    await page.waitForTimeout(200)
  }
  await assertShown(page, [h.street.name], 'warnings chart tooltip', '[data-test="warnings-chart"]')
  await assertClean(watched, 'supervision warnings and chart tooltip')
  await shot(page, 'xss-warnings')
  await page.context().close()
}

/**
 * Points at a grid of the dashboard's map and answers the text of its tooltip. The test's
 * squares may lie under a demo grid, so the pointer events are sent to the grid's own path.
 */
async function dashboardTooltip(page: Page, gridId: number): Promise<string> {
  const shape = page.locator(`[data-test="area-map"] path[data-grid="${gridId}"]`)
  await shape.waitFor({ state: 'attached' })
  await shape.scrollIntoViewIfNeeded()
  await page.mouse.move(0, 0)
  const box = await shape.boundingBox()
  assert.ok(box, 'the grid is drawn')
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
  await shape.dispatchEvent('mouseover', at)
  await shape.dispatchEvent('mousemove', at)
  const tooltip = page.locator('[data-test="area-map"] .leaflet-tooltip').last()
  await tooltip.waitFor()
  return ((await tooltip.textContent()) ?? '').trim()
}

async function dashboardShowsHostileNamesAsText(browser: Browser): Promise<void> {
  const h = data()
  // The city administrator renames the hostile grid, and a case arises in it (the table lists
  // the areas with cases this month).
  const admin = await ApiSession.login('admin')
  const renamed = await admin.call<Unit>('PATCH', `/api/v1/org/units/${h.grid.id}`, { name: `网格${TAG}${PWNED}` })
  assert.equal(renamed.name, `网格${TAG}${PWNED}`)
  try {
    const office = await ApiSession.login('city-office')
    await office.post(
      '/api/v1/cases',
      {
        channel: 'walk_in',
        kind: 'complaint',
        urgency: 'normal',
        categoryCode: '0101',
        title: `看板${TAG}`,
        content: '楼道照明损坏，夜间无法通行。',
        location: { address: '船营区', gridId: h.grid.id },
        peopleInvolved: 1,
        reporter: { name: '王', phone: '13804320002', anonymous: false, confidential: false },
      },
      { 'Idempotency-Key': `xss-dashboard-${RUN}` },
    )

    const watched = await watchedPage(browser, 'leader', DESKTOP)
    const { page } = watched
    await page.goto(`${BASE_URL}/`)
    await page.locator('[data-test="area-map"] path.area-map__shape').first().waitFor()
    await page.locator('[data-test="map-level-grid"]').click()
    await assertShown(page, [renamed.name], 'dashboard table (grids)', '[data-test="map-table"]')
    const gridTip = await dashboardTooltip(page, h.grid.id)
    assert.ok(gridTip.includes(renamed.name), `the map's tooltip names the grid literally (saw ${gridTip})`)
    await assertClean(watched, 'dashboard map and table (grids)')

    await page.locator('[data-test="map-level-street"]').click()
    await assertShown(page, [h.street.name], 'dashboard table (streets)', '[data-test="map-table"]')
    await page.mouse.move(0, 0)
    const streetTip = await dashboardTooltip(page, h.grid.id)
    assert.ok(streetTip.includes(h.street.name), `the map's tooltip names the street literally (saw ${streetTip})`)
    await assertClean(watched, 'dashboard map and table (streets)')
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined)
    await shot(page, 'xss-dashboard')
    await page.context().close()
  } finally {
    await admin.call('PATCH', `/api/v1/org/units/${h.grid.id}`, { name: h.grid.name })
  }
}

async function districtAdminGainedNothing(): Promise<void> {
  const h = data()
  const admin = await ApiSession.login('admin')
  assert.deepEqual(await rolesOf(admin, h.districtAdmin.id), h.districtAdmin.roles, 'the district administrator has the roles given, no more')
}

/** Puts the templates back, so that later specs read the texts they expect. */
async function restoreTemplates(): Promise<void> {
  if (!hostile) {
    return
  }
  const admin = await ApiSession.login('admin')
  for (const template of hostile.templates) {
    await admin.call('PUT', `/api/v1/message-templates/${template.key}/${template.channel}`, { text: template.original })
  }
  await admin.call('PATCH', `/api/v1/categories/${hostile.subcategory.code}`, { active: false })
  await admin.call('PATCH', `/api/v1/categories/${hostile.category.code}`, { active: false })
}

await runScenarios({
  'hostile names are set up through the API': async () => {
    hostile = await setUp()
  },
  'the org page and its map show hostile unit names as text': orgPageAndMap,
  'users, direct cards, categories and templates show hostile names as text': adminReferencePages,
  'the intake picker, case list, saved view, case page and supervision centre show hostile text as text': cityOfficePages,
  "the street office's workbench, bell and warning chart show hostile text as text": streetOfficePages,
  "the dashboard's map tooltips and table show hostile unit names as text": dashboardShowsHostileNamesAsText,
  'the district administrator gained no role': districtAdminGainedNothing,
  'the templates are restored and the category retired': restoreTemplates,
})
