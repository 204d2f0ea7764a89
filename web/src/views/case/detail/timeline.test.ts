import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '@/api/types'
import { assistEvents, eventDetails, isImage, unitIdsOf } from './timeline'

const event = (patch: Partial<CaseEvent>): CaseEvent => ({
  seq: 1,
  at: '2026-11-28T10:00:00.000+08:00',
  actorId: 3,
  actorName: '',
  actorRole: 'city_office',
  actorUnitId: 1,
  actorUnitName: '',
  action: 'dispatch',
  payload: {},
  fromState: 'routing',
  toState: 'dispatched',
  prevHash: '',
  hash: 'h',
  ...patch,
})

describe('eventDetails', () => {
  it('reads a dispatch: the lead unit and the assisting ones', () => {
    const details = eventDetails(
      event({
        payload: { targetId: 7, targetName: '吉林市住房和城乡建设局', assisting: [{ id: 9, name: '船营区住建局' }], method: 'network', holderId: 7 },
      }),
    )
    expect(details.targetName).toBe('吉林市住房和城乡建设局')
    expect(details.assistingNames).toEqual(['船营区住建局'])
    expect(details.texts).toEqual([])
  })

  it('lists every written text in a fixed order and skips blank ones', () => {
    const details = eventDetails(event({ action: 'answer', payload: { answerText: '已修复', legalBasis: ' ', result: 'solved' } }))
    expect(details.texts).toEqual([{ kind: 'answerText', text: '已修复' }])
    expect(details.result).toBe('solved')
  })

  it('reads a follow-up and ignores values it does not know', () => {
    expect(eventDetails(event({ action: 'follow_up', payload: { satisfaction: 'satisfied' } })).satisfaction).toBe('satisfied')
    expect(eventDetails(event({ action: 'follow_up', payload: { satisfaction: 'ecstatic' } })).satisfaction).toBeNull()
    expect(eventDetails(event({ action: 'follow_up', payload: { unreachable: true } })).unreachable).toBe(true)
  })

  it('reads an attachment and a 督办单 reply', () => {
    const attached = eventDetails(event({ action: 'attach', payload: { attachmentId: 12, filename: '现场.jpg', size: 100 } }))
    expect([attached.attachmentId, attached.filename]).toEqual([12, '现场.jpg'])
    expect(eventDetails(event({ action: 'supervision_reply', payload: { reply: '已整改' } })).texts).toEqual([{ kind: 'reply', text: '已整改' }])
  })
})

describe('eventDetails of the unit layer and extensions', () => {
  it('reads the days asked for and granted, a relayed message and a drafted answer', () => {
    const granted = eventDetails(event({ action: 'approve_extension', payload: { requestedDays: 4, grantedDays: 2, holderId: 7 } }))
    expect([granted.requestedDays, granted.grantedDays]).toEqual([4, 2])
    const relayed = eventDetails(event({ action: 'contact_reporter', payload: { relayMessage: '明日上门', holderId: 7 } }))
    expect(relayed.texts).toEqual([{ kind: 'relayMessage', text: '明日上门' }])
    expect(eventDetails(event({ action: 'answer', payload: { unitReview: true, answerText: '已修复' } })).unitReview).toBe(true)
  })
})

describe('unitIdsOf and assistEvents', () => {
  it('names each acting unit once and picks the assisting units notes', () => {
    const events = [event({ actorUnitId: 1 }), event({ actorUnitId: 4, action: 'assist' }), event({ actorUnitId: 1 }), event({ actorUnitId: null })]
    expect(unitIdsOf(events)).toEqual([1, 4])
    expect(assistEvents(events).map((e) => e.actorUnitId)).toEqual([4])
  })

  it('leaves out the units the server already named', () => {
    expect(unitIdsOf([event({ actorUnitId: 1, actorUnitName: '市绿色通道办公室' }), event({ actorUnitId: 4 })])).toEqual([4])
  })
})

describe('isImage', () => {
  it('tells images from documents by content type', () => {
    expect(isImage('image/png')).toBe(true)
    expect(isImage('application/pdf')).toBe(false)
  })
})
