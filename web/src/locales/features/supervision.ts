import { defineMessages } from '../define'

export default defineMessages(
  {
    supervision: {
      title: '督办中心',
    },
  },
  {
    supervision: {
      title: 'Supervision centre',
    },
  },
)
