import { defineMessages } from '../define'

export default defineMessages(
  {
    caseActions: {
      title: '办理',
    },
  },
  {
    caseActions: {
      title: 'Actions',
    },
  },
)
