// The 《社情民意专报》 bulletins (docs/api.md "Bulletins"): drafts written from the statistics,
// edited, regenerated, submitted, issued or returned by the office head; the PDF, the annex
// and the read receipts.
import { http } from './http'
import type { ItemList } from './types'

export type BulletinKind = 'weekly' | 'monthly' | 'quarterly' | 'special'
export type BulletinState = 'draft' | 'submitted' | 'issued' | 'returned'

export interface BulletinFigure {
  key: string
  label: string
  value: number
  unit: string
}

export interface BulletinChart {
  title: string
  unit: string
  labels: string[]
  values: number[]
  seriesName: string
  comparison: number[]
  comparisonName: string
}

export interface BulletinCase {
  id: number
  number: string
  title: string
  done: string
}

export interface BulletinSection {
  key: string
  title: string
  text: string
  edited: boolean
  figures: BulletinFigure[]
  charts: BulletinChart[]
  cases: BulletinCase[]
}

/** A recipient: a user or an org unit (its staff), with the name the closing block lists. */
export interface BulletinRecipient {
  userId?: number
  unitId?: number
  name?: string
}

export interface BulletinDistribution {
  reportTo: BulletinRecipient[]
  sendTo: BulletinRecipient[]
  copyTo: BulletinRecipient[]
}

export interface BulletinItem {
  id: number
  issuerId: number
  series: 'periodic' | 'special'
  kind: BulletinKind
  from: string
  to: string
  periodText: string
  year: number
  number: number | null
  issueLabel: string
  title: string
  state: BulletinState
  version: number
  createdAt: string
  submittedAt: string | null
  issuedAt: string | null
  updatedAt: string
}

export interface BulletinLogEntry {
  action: string
  by: number
  at: string
  note: string
}

export interface Bulletin extends BulletinItem {
  issuerName: string
  sections: BulletinSection[]
  typicalCaseIds: number[]
  distribution: BulletinDistribution
  returnNote: string
  log: BulletinLogEntry[]
  canEdit: boolean
  canIssue: boolean
  isOffice: boolean
}

export interface FigureChange {
  section: string
  key: string
  label: string
  old: number | null
  new: number | null
}

export interface BulletinReceipt {
  userId: number
  name: string
  deliveredAt: string
  readAt: string | null
}

export interface BulletinReceipts extends ItemList<BulletinReceipt> {
  total: number
  read: number
  unread: number
}

export interface BulletinDraftBody {
  kind: BulletinKind
  period?: string
  from?: string
  to?: string
  title?: string
}

export interface BulletinEditBody {
  version: number
  title?: string
  sections?: { key: string; text: string }[]
  typicalCaseIds?: number[]
  distribution?: BulletinDistribution
}

export interface BulletinListQuery {
  state?: BulletinState
  kind?: BulletinKind
  year?: number
  q?: string
}

const base = '/api/v1/bulletins'

export const listBulletins = (query: BulletinListQuery = {}) => http.get<ItemList<BulletinItem>>(base, { ...query })
export const getBulletin = (id: number) => http.get<Bulletin>(`${base}/${id}`)
export const createBulletin = (body: BulletinDraftBody) => http.post<Bulletin>(base, body)
export const updateBulletin = (id: number, body: BulletinEditBody) => http.put<Bulletin>(`${base}/${id}`, body)
export const regenerateBulletin = (id: number) =>
  http.post<Bulletin & { changes: FigureChange[] }>(`${base}/${id}/regenerate`)
export const submitBulletin = (id: number) => http.post<Bulletin>(`${base}/${id}/submit`)
export const issueBulletin = (id: number) => http.post<Bulletin>(`${base}/${id}/issue`)
export const returnBulletin = (id: number, note: string) => http.post<Bulletin>(`${base}/${id}/return`, { note })
export const getBulletinReceipts = (id: number) => http.get<BulletinReceipts>(`${base}/${id}/receipts`)

/** Addresses the browser downloads directly (the session cookie goes along). */
export const bulletinPdfUrl = (id: number) => `${base}/${id}/pdf`
export const bulletinAnnexUrl = (id: number) => `${base}/${id}/annex.xlsx`
