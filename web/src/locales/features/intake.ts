import { defineMessages } from '../define'

export default defineMessages(
  {
    intake: {
      title: '登记',
    },
  },
  {
    intake: {
      title: 'Intake',
    },
  },
)
