// The unit form: its fields, the checks the server makes (server/src/service/org_service.cpp,
// ValidateOrgFields), and the bodies it sends — the whole unit to create, only what changed
// to edit, so that an edit does not overwrite a field someone else changed meanwhile.
import type { Boundary, NewOrgUnit, OrgUnit, OrgUnitChanges, OrgUnitFields, UnitHandler } from '@/api/org'
import type { OrgKind } from '@/api/types'
import { checkLine, type Problem, type Problems, utf8Bytes } from './text-rules'

export const MAX_NAME = 100
export const MAX_CONTACT = 100
export const MAX_HANDLERS = 50
export const MAX_BOUNDARY_BYTES = 256 * 1024
const CODE = /^[0-9A-Za-z_-]{1,32}$/

export interface UnitForm {
  code: string
  kind: OrgKind
  name: string
  shortName: string
  unitType: string
  leaderInCharge: string
  responsibleSection: string
  hotline: string
  handlers: UnitHandler[]
  /** The boundary as GeoJSON text; empty for none. */
  boundaryText: string
  /** 答复须经分管领导签发: a member unit's setting, changed on an existing unit only. */
  answerApproval: boolean
}

export function emptyUnitForm(kind: OrgKind): UnitForm {
  return {
    code: '',
    kind,
    name: '',
    shortName: '',
    unitType: '',
    leaderInCharge: '',
    responsibleSection: '',
    hotline: '',
    handlers: [],
    boundaryText: '',
    answerApproval: true,
  }
}

export function unitFormOf(unit: OrgUnit): UnitForm {
  return {
    code: unit.code,
    kind: unit.kind,
    name: unit.name,
    shortName: unit.shortName,
    unitType: unit.unitType,
    leaderInCharge: unit.leaderInCharge,
    responsibleSection: unit.responsibleSection,
    hotline: unit.hotline,
    handlers: unit.handlers.map((handler) => ({ ...handler })),
    boundaryText: unit.boundary ? JSON.stringify(unit.boundary) : '',
    answerApproval: unit.answerApproval ?? true,
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function isRing(ring: unknown): boolean {
  return (
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every((position) => Array.isArray(position) && position.length >= 2 && isNumber(position[0]) && isNumber(position[1]))
  )
}

function isPolygon(rings: unknown): boolean {
  return Array.isArray(rings) && rings.length > 0 && rings.every(isRing)
}

/** A GeoJSON Polygon or MultiPolygon of [lng, lat] rings of at least 4 positions (IsBoundary). */
export function isBoundary(value: unknown): value is Boundary {
  if (typeof value !== 'object' || value === null || !('type' in value) || !('coordinates' in value)) {
    return false
  }
  const { type, coordinates } = value as { type: unknown; coordinates: unknown }
  if (type === 'Polygon') {
    return isPolygon(coordinates)
  }
  return type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)
}

export type BoundaryParse = { ok: true; boundary: Boundary | null } | { ok: false; problem: Problem }

export function parseBoundary(text: string): BoundaryParse {
  if (text.trim() === '') {
    return { ok: true, boundary: null }
  }
  if (utf8Bytes(text) > MAX_BOUNDARY_BYTES) {
    return { ok: false, problem: { key: 'org.validation.boundaryTooBig' } }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: { key: 'org.validation.boundaryJson' } }
  }
  return isBoundary(value) ? { ok: true, boundary: value } : { ok: false, problem: { key: 'org.validation.boundaryShape' } }
}

/** What is wrong with the form, by field name as the server names them (`handlers[0].name`). */
export function validateUnitForm(form: UnitForm, creating: boolean): Problems {
  const problems: Problems = {}
  const add = (field: string, problem: Problem | null) => {
    if (problem) {
      problems[field] = problem
    }
  }
  if (creating && !CODE.test(form.code)) {
    add('code', form.code === '' ? { key: 'org.validation.required' } : { key: 'org.validation.code' })
  }
  add('name', checkLine(form.name, MAX_NAME, true))
  add('shortName', checkLine(form.shortName, MAX_NAME, false))
  add('unitType', checkLine(form.unitType, MAX_CONTACT, false))
  add('leaderInCharge', checkLine(form.leaderInCharge, MAX_CONTACT, false))
  add('responsibleSection', checkLine(form.responsibleSection, MAX_CONTACT, false))
  add('hotline', checkLine(form.hotline, MAX_CONTACT, false))
  if (form.handlers.length > MAX_HANDLERS) {
    add('handlers', { key: 'org.validation.tooManyHandlers' })
  }
  form.handlers.forEach((handler, i) => {
    add(`handlers[${i}].name`, checkLine(handler.name, MAX_CONTACT, true))
    add(`handlers[${i}].phone`, checkLine(handler.phone, MAX_CONTACT, false))
  })
  const boundary = parseBoundary(form.boundaryText)
  if (!boundary.ok) {
    add('boundary', boundary.problem)
  }
  return problems
}

function fieldsOf(form: UnitForm): OrgUnitFields {
  const boundary = parseBoundary(form.boundaryText)
  return {
    name: form.name.trim(),
    shortName: form.shortName.trim(),
    unitType: form.unitType,
    boundary: boundary.ok ? boundary.boundary : null,
    leaderInCharge: form.leaderInCharge,
    responsibleSection: form.responsibleSection,
    hotline: form.hotline,
    handlers: form.handlers.map((handler) => ({ ...handler })),
  }
}

/** POST /org/units; call after validateUnitForm found nothing. */
export function newUnitBody(form: UnitForm, parentId: number): NewOrgUnit {
  return { ...fieldsOf(form), code: form.code, kind: form.kind, parentId }
}

/** PATCH /org/units/{id}: the fields that differ from the unit as loaded. */
export function unitChanges(unit: OrgUnit, form: UnitForm): OrgUnitChanges {
  const next = fieldsOf(form)
  const before = fieldsOf(unitFormOf(unit))
  const changes: OrgUnitChanges = {}
  for (const key of Object.keys(next) as (keyof OrgUnitFields)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      Object.assign(changes, { [key]: next[key] })
    }
  }
  if (unit.kind === 'unit' && form.answerApproval !== (unit.answerApproval ?? true)) {
    changes.answerApproval = form.answerApproval
  }
  return changes
}
