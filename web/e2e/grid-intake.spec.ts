// End to end: a grid manager on a phone records a heating complaint with a photo, and a form
// without a title is stopped at the title field without creating anything.
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { pickCategory, recordGridComplaint } from './steps/grid-intake'
import { BASE_URL, loggedInPage, PHONE, runScenarios, shot } from './support'

const RUN = Date.now().toString(36) // this run's cases, whatever else the server holds

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
    }
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An 8×8 red PNG. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(8 * 3, Buffer.from([220, 40, 40]))])
  const pixels = Buffer.concat(Array.from({ length: 8 }, () => row))
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function phoneLogin(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const page = await loggedInPage(browser, 'grid-worker', PHONE)
  return { context: page.context(), page }
}

async function recordsAHeatingComplaintWithAPhoto(browser: Browser): Promise<void> {
  const { context, page } = await phoneLogin(browser)
  await page.click('[data-test="menu-toggle"]')
  await page.click('[data-test="menu-intake"]')
  await page.locator('.layout__drawer .el-menu-item', { hasText: '网格采集' }).click()
  await page.waitForURL(`${BASE_URL}/intake/grid`)
  await page.locator('[data-test="intake-form"]').waitFor()
  await shot(page, 'grid-intake-empty-360')

  const created = await recordGridComplaint(page, {
    title: '暖气不热',
    content: `永前社区 3 号楼 2 单元暖气不热，室温不到 16 度，已持续三天。（${RUN}）`,
    categoryName: '供暖',
    address: '船营区德胜街道永前社区 3 号楼 2 单元',
    photos: [{ name: `radiator-${RUN}.png`, mimeType: 'image/png', buffer: tinyPng() }],
  })
  assert.match(created.number, /^\d{4}-\d{7}$/)
  await shot(page, 'grid-intake-created-360')

  const answer = await context.request.get(`${BASE_URL}/api/v1/cases/${created.id}`)
  assert.equal(answer.status(), 200)
  const detail = (await answer.json()) as {
    number: string
    channel: string
    title: string
    categoryCode: string
    attachments: { filename: string; contentType: string }[]
  }
  assert.equal(detail.number, created.number)
  assert.equal(detail.channel, 'grid')
  assert.equal(detail.title, '暖气不热')
  assert.equal(detail.categoryCode, '0301')
  assert.equal(detail.attachments.length, 1)
  assert.equal(detail.attachments[0]?.contentType, 'image/png')

  // The link leads to the case.
  await page.click('[data-test="created-link"]')
  await page.waitForURL(`${BASE_URL}/cases/${created.id}`)
  await page.locator('[data-test="case-number"]', { hasText: created.number }).waitFor()
  await context.close()
}

async function aMissingTitleIsShownAndNothingIsCreated(browser: Browser): Promise<void> {
  const { context, page } = await phoneLogin(browser)
  let posts = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/cases') {
      posts += 1
    }
  })
  await page.goto(`${BASE_URL}/intake/grid`)
  const form = page.locator('[data-test="intake-form"]')
  await form.waitFor()
  await form.locator('[data-test="field-kind"] label', { hasText: '投诉' }).click()
  await form.locator('[data-test="field-content"]').fill(`楼道灯不亮（${RUN}-untitled）`)
  await pickCategory(page, '供暖')
  await form.locator('[data-test="intake-submit"]').click()

  const titleItem = form.locator('.el-form-item', { has: page.locator('[data-test="field-title"]') })
  await titleItem.locator('.el-form-item__error', { hasText: '此项为必填项' }).waitFor()
  assert.ok(await titleItem.evaluate((element) => element.classList.contains('is-error')))
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-test')), 'field-title')
  await shot(page, 'grid-intake-missing-title-360')
  assert.equal(posts, 0, 'nothing was sent')

  const search = await context.request.get(`${BASE_URL}/api/v1/cases?keyword=${encodeURIComponent(`${RUN}-untitled`)}`)
  assert.equal(((await search.json()) as { items: unknown[] }).items.length, 0, 'no case was created')
  await context.close()
}

await runScenarios({
  'a grid manager records a heating complaint with a photo on a phone': recordsAHeatingComplaintWithAPhoto,
  'a missing title is shown on the title field and nothing is created': aMissingTitleIsShownAndNothingIsCreated,
})
