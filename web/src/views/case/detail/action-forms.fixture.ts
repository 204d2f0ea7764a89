// The answer of GET /api/v1/case-actions/forms as the server gives it (server/src/api/
// action_forms.cpp), for the unit tests of the action dialogs. The e2e spec case-action-forms
// checks that the running server still answers exactly this; when it changes, paste its answer.
import type { ActionFormField, CaseActionName } from '../../../api/case-actions'

export const ACTION_FORMS: { forms: Record<CaseActionName, ActionFormField[]> } = {
  forms: {
    accept: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    answer: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'legalBasis', required: false, type: 'string' },
      { name: 'answerText', required: true, type: 'string' },
      { choices: ['solved', 'partly_solved', 'explained', 'cannot_be_done'], name: 'result', required: true, type: 'choice' },
    ],
    approve_answer: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    approve_extension: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { max: 10, min: 1, name: 'grantedDays', required: false, type: 'integer' },
    ],
    approve_return: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    approve_unit_answer: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    assign: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'targetId', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'assigneeId', required: false, type: 'integer' },
    ],
    assist: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: true, type: 'string' },
    ],
    close: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    commit_long_term: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
      { max: 270, min: 1, name: 'committedDate', required: true, type: 'date (ISO 8601)' },
    ],
    contact_reporter: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { maxLength: 200, name: 'relayMessage', required: false, type: 'string' },
    ],
    decline: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
      { name: 'legalBasis', required: true, type: 'string' },
    ],
    dispatch: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'targetId', required: true, type: 'integer' },
      { name: 'assistingIds', required: false, type: 'array of ids' },
      { name: 'note', required: false, type: 'string' },
      { choices: ['network', 'phone', 'writing'], name: 'method', required: true, type: 'choice' },
    ],
    escalate: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'targetId', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    follow_up: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'contacted', required: false, type: 'boolean' },
      { name: 'solved', required: false, type: 'boolean' },
      { name: 'unreachable', required: false, type: 'boolean' },
      { choices: ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'], name: 'satisfaction', required: false, type: 'choice' },
    ],
    forward: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'targetId', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    handle_locally: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    handover: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'targetId', required: true, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'externalRef', required: false, type: 'string' },
      { choices: ['network', 'phone', 'writing'], name: 'method', required: false, type: 'choice' },
    ],
    instruct: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: true, type: 'string' },
    ],
    merge: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'masterCaseId', required: true, type: 'integer' },
      { name: 'confirm', required: false, type: 'boolean' },
    ],
    recall: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    refuse_extension: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
    refuse_return: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
    reject_unit_answer: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
    reopen: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
    request_extension: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
      { max: 10, min: 1, name: 'extensionDays', required: true, type: 'integer' },
    ],
    request_return: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
      { name: 'legalBasis', required: true, type: 'string' },
    ],
    return_for_rework: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
    sign: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
    ],
    supervise: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: true, type: 'string' },
    ],
    withdraw: [
      { name: 'version', required: false, type: 'integer' },
      { name: 'note', required: false, type: 'string' },
      { name: 'reason', required: true, type: 'string' },
    ],
  },
}
