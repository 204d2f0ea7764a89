import { defineMessages } from '../define'

export default defineMessages(
  {
    caseViews: {
      title: '视图',
    },
  },
  {
    caseViews: {
      title: 'Views',
    },
  },
)
