// The intake forms' model, the server's rules mirrored (server/src/service/case_intake_service.cpp,
// CheckCommon and the channel's Place…), and the body sent. The model has the request's shape,
// so a field's path is both the form item's prop and the name the server's 422 uses.
import type { CaseBody } from '@/api/generated/wire'
import type { StaffChannel } from '@/api/intake'
import { CASE_STATES, type CaseState } from '@/api/types'

/** A wire object with every field present (the form binds each one). */
type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }
/** As Filled, with null for the named fields while nothing is chosen. */
type Unchosen<T, K extends keyof T> = Omit<Filled<T>, K> & { [P in K]-?: Exclude<T[P], undefined> | null }

/**
 * A case being filled in: the body of POST /api/v1/cases (CaseBody, the server's wire table)
 * with every field the page binds present, null for a choice not made yet, and the one object
 * of the form's channel. caseBody turns it into the body.
 */
export interface CaseForm {
  channel: StaffChannel
  kind: Exclude<CaseBody['kind'], undefined> | null
  scope: Exclude<CaseBody['scope'], undefined>
  urgency: Exclude<CaseBody['urgency'], undefined>
  categoryCode: string
  title: string
  content: string
  location: Unchosen<NonNullable<CaseBody['location']>, 'gridId' | 'lat' | 'lng'>
  peopleInvolved: number
  reporter: Filled<NonNullable<CaseBody['reporter']>>
  /** grid: `evidence` is the text of what was done on the spot (it becomes the answer). */
  grid?: Filled<NonNullable<CaseBody['grid']>>
  cadreReport?: Unchosen<NonNullable<CaseBody['cadreReport']>, 'communityId' | 'officeId'>
  directCard?: Unchosen<NonNullable<CaseBody['directCard']>, 'unitId'>
  /**
   * Grid and walk-in: the office the case goes to, on the recorder's own chain (their office up
   * to the city office). Absent or null: their own office, but a 特急 case recorded at a
   * community goes straight to the city office.
   */
  officeId?: number | null
}

/** Characters (code points, as the server counts them) allowed per field. */
export const TEXT_LIMITS: Record<string, number> = {
  title: 100,
  content: 5000,
  'location.address': 200,
  'reporter.name': 50,
  'grid.evidence': 2000,
  'cadreReport.cadreUnit': 100,
  'cadreReport.summary': 2000,
  'cadreReport.suggestion': 2000,
}

export const MAX_PEOPLE = 100_000
export const MAX_HOUSEHOLDS = 1_000_000

/** Jilin City's prefecture, as the server bounds a point. */
export const CITY_BOUNDS = { minLat: 42.5, maxLat: 44.9, minLng: 125.5, maxLng: 128.0 }

/** Not finished: what a duplicate could still join (CASE_STATES lists these first, up to 回访). */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.slice(0, CASE_STATES.indexOf('follow_up') + 1)

/** A problem with one field: the server's reason names, so both sides read the same way. */
export interface FieldProblem {
  field: string
  reason: string
}

export function textLength(text: string): number {
  return [...text].length
}

// C0 controls (tab and line breaks allowed in multi-line text), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/ // eslint-disable-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/ // eslint-disable-line no-control-regex
// What the server's HasHiddenCharacters refuses on one line: bidirectional controls, zero-width
// and invisible characters, and a zero-width joiner that does not follow a pictograph (emoji
// sequences keep theirs; a variation selector may stand between).
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u200c\u2060\ufeff\u180e\u00ad]/
const ZERO_WIDTH_JOINER = 0x200d
const VARIATION_SELECTOR = 0xfe0f

function isPictograph(code: number): boolean {
  return (code >= 0x2600 && code <= 0x27bf) || (code >= 0x1f000 && code <= 0x1faff)
}

/** Whether single-line text holds characters that reorder or hide what is shown. */
export function hasHiddenCharacters(value: string): boolean {
  if (HIDDEN.test(value)) {
    return true
  }
  let previous = -1
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0
    if (code === ZERO_WIDTH_JOINER && !isPictograph(previous)) {
      return true
    }
    if (code !== VARIATION_SELECTOR) {
      previous = code
    }
  }
  return false
}

/** The server's text::CheckText: null when fine, else its reason. */
export function checkText(value: string, max: number, required: boolean, singleLine: boolean): string | null {
  if (required && value.trim() === '') {
    return 'required'
  }
  if ((singleLine ? CONTROL_SINGLE_LINE : CONTROL).test(value)) {
    return 'control_characters'
  }
  if (singleLine && hasHiddenCharacters(value)) {
    return 'hidden_characters'
  }
  if (textLength(value) > max) {
    return 'too_long'
  }
  return null
}

/** 5 to 20 of digits, spaces, '+' and '-' (the server's IsPhone). */
export function isPhone(phone: string): boolean {
  return /^[0-9+\- ]{5,20}$/.test(phone)
}

export function emptyCase(channel: StaffChannel): CaseForm {
  const form: CaseForm = {
    channel,
    kind: null,
    scope: 'individual',
    urgency: 'normal',
    categoryCode: '',
    title: '',
    content: '',
    location: { address: '', gridId: null, lat: null, lng: null },
    peopleInvolved: 1,
    reporter: { name: '', phone: '', anonymous: false, confidential: false },
  }
  if (channel === 'grid') {
    form.grid = { solvedOnSpot: false, evidence: '' }
  } else if (channel === 'cadre_report') {
    form.cadreReport = {
      cadreUnit: '',
      communityId: null,
      households: 0,
      summary: '',
      universal: false,
      suggestion: '',
      officeId: null,
    }
  } else if (channel === 'direct_card') {
    form.directCard = { unitId: null }
  }
  return form
}

function text(problems: FieldProblem[], field: string, value: string, required: boolean, singleLine: boolean) {
  const reason = checkText(value, TEXT_LIMITS[field] ?? Number.MAX_SAFE_INTEGER, required, singleLine)
  if (reason) {
    problems.push({ field, reason })
  }
}

function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max
}

/** Every problem the server would report for this form, in the form's order. */
export function validateCase(form: CaseForm): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (!form.reporter.anonymous) {
    text(problems, 'reporter.name', form.reporter.name, false, true)
    if (form.reporter.phone !== '' && !isPhone(form.reporter.phone)) {
      problems.push({ field: 'reporter.phone', reason: 'invalid' })
    }
  }
  if (form.cadreReport) {
    const report = form.cadreReport
    text(problems, 'cadreReport.cadreUnit', report.cadreUnit, true, true)
    if (report.communityId === null) {
      problems.push({ field: 'cadreReport.communityId', reason: 'required' })
    }
    if (!integerIn(report.households, 0, MAX_HOUSEHOLDS)) {
      problems.push({ field: 'cadreReport.households', reason: 'range' })
    }
  }
  if (form.directCard && form.directCard.unitId === null) {
    problems.push({ field: 'directCard.unitId', reason: 'required' })
  }
  if (form.kind === null) {
    problems.push({ field: 'kind', reason: 'required' })
  }
  if (form.categoryCode === '') {
    problems.push({ field: 'categoryCode', reason: 'required' })
  }
  text(problems, 'title', form.title, true, true)
  text(problems, 'content', form.content, true, false)
  if (form.cadreReport) {
    text(problems, 'cadreReport.summary', form.cadreReport.summary, true, false)
    text(problems, 'cadreReport.suggestion', form.cadreReport.suggestion, false, false)
  }
  text(problems, 'location.address', form.location.address, false, true)
  const { lat, lng } = form.location
  if ((lat === null) !== (lng === null)) {
    problems.push({ field: 'location', reason: 'incomplete' })
  } else if (
    lat !== null &&
    lng !== null &&
    (lat < CITY_BOUNDS.minLat || lat > CITY_BOUNDS.maxLat || lng < CITY_BOUNDS.minLng || lng > CITY_BOUNDS.maxLng)
  ) {
    problems.push({ field: 'location', reason: 'outside_city' })
  }
  if (!integerIn(form.peopleInvolved, 1, MAX_PEOPLE)) {
    problems.push({ field: 'peopleInvolved', reason: 'range' })
  }
  if (form.grid?.solvedOnSpot) {
    text(problems, 'grid.evidence', form.grid.evidence, true, false)
  }
  return problems
}

/** A choice not made goes as no field at all (the server's table has no null). */
const chosen = <T>(value: T | null): T | undefined => value ?? undefined

/**
 * The body to send: an anonymous reporter's name and phone left out (the server would drop
 * them anyway), an evidence text only when the case was solved on the spot, and the chosen
 * office only for a 特急 case.
 */
export function caseBody(form: CaseForm): CaseBody {
  const { location, reporter } = form
  const body: CaseBody = {
    channel: form.channel,
    kind: chosen(form.kind),
    scope: form.scope,
    urgency: form.urgency,
    categoryCode: form.categoryCode,
    title: form.title.trim(),
    content: form.content,
    location: { address: location.address.trim(), gridId: chosen(location.gridId), lat: chosen(location.lat), lng: chosen(location.lng) },
    peopleInvolved: form.peopleInvolved,
    reporter: reporter.anonymous
      ? { name: '', phone: '', anonymous: true, confidential: false }
      : { ...reporter, name: reporter.name.trim(), phone: reporter.phone.trim() },
  }
  if (form.grid) {
    body.grid = { solvedOnSpot: form.grid.solvedOnSpot, evidence: form.grid.solvedOnSpot ? form.grid.evidence : '' }
  }
  if (form.cadreReport) {
    const report = form.cadreReport
    body.cadreReport = { ...report, communityId: chosen(report.communityId), officeId: chosen(report.officeId) }
  }
  if (form.directCard) {
    body.directCard = { unitId: chosen(form.directCard.unitId) }
  }
  // The office is chosen for 特急 cases only (the field is hidden otherwise), and a matter solved
  // on the spot stays with the community.
  if (typeof form.officeId === 'number' && form.urgency === 'critical' && !form.grid?.solvedOnSpot) {
    body.officeId = form.officeId
  }
  return body
}

/** The key and values of a problem's text in the intake locale (intake.problem.*). */
export function problemMessage(problem: FieldProblem): { key: string; named: Record<string, number> } {
  const max = TEXT_LIMITS[problem.field]
  switch (problem.reason) {
    case 'required':
    case 'not_active':
    case 'control_characters':
    case 'hidden_characters':
    case 'invalid_utf8':
    case 'incomplete':
    case 'outside_city':
    case 'outside_your_grid':
    case 'grid_not_in_community':
    case 'outside_scope':
    case 'not_on_chain':
    case 'not_allowed':
    case 'unknown':
      return { key: `intake.problem.${problem.reason}`, named: {} }
    case 'too_long':
      return { key: 'intake.problem.too_long', named: { max: max ?? 0 } }
    case 'range':
      return problem.field === 'peopleInvolved'
        ? { key: 'intake.problem.range', named: { min: 1, max: MAX_PEOPLE } }
        : { key: 'intake.problem.range', named: { min: 0, max: MAX_HOUSEHOLDS } }
    case 'invalid':
      return { key: problem.field === 'reporter.phone' ? 'intake.problem.phone' : 'intake.problem.invalid', named: {} }
    default:
      return { key: 'intake.problem.other', named: {} }
  }
}

/**
 * The keyword for the duplicate search: the title, else the start of the content. The server
 * requires every term of a keyword, so a short one finds more; under two characters finds
 * nothing useful.
 */
export function duplicateKeyword(title: string, content: string): string | null {
  const source = title.trim() !== '' ? title.trim() : (content.trim().split(/[，。！？；,.!?;\n]/)[0] ?? '')
  const keyword = [...source.trim()].slice(0, 12).join('')
  return textLength(keyword) >= 2 ? keyword : null
}

/** A division as the office choice needs it. */
export interface ChainNode {
  id: number
  name: string
  level: string
  parentId: number | null
}

/**
 * The offices a recorder at `ownId` may send a case to (the server's rule): their own office
 * and every office above it up to the city's, nearest first. Empty when `ownId` is unknown.
 */
export function officeChain(divisions: readonly ChainNode[], ownId: number | null): ChainNode[] {
  const byId = new Map(divisions.map((node) => [node.id, node]))
  const chain: ChainNode[] = []
  let next = ownId === null ? undefined : byId.get(ownId)
  while (next && chain.length < divisions.length) {
    chain.push(next)
    next = next.parentId === null ? undefined : byId.get(next.parentId)
  }
  return chain
}

/**
 * Where the server sends the case when no office is chosen: the city office for a 特急 case
 * recorded at a community (so that its 15-minute accept clock does not restart at every level),
 * otherwise the recorder's own office.
 */
export function defaultOffice(chain: readonly ChainNode[], urgency: string): ChainNode | null {
  const own = chain[0] ?? null
  if (own && urgency === 'critical' && own.level === 'community') {
    return chain[chain.length - 1] ?? own
  }
  return own
}
