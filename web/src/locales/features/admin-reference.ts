import { defineMessages } from '../define'

// 分类与派单目录、时限规则、工作日历、消息模板
export default defineMessages(
  {
    categories: { title: '分类与派单目录' },
    timeRules: { title: '时限规则' },
    calendar: { title: '工作日历' },
    templates: { title: '消息模板' },
  },
  {
    categories: { title: 'Categories and dispatch' },
    timeRules: { title: 'Time limits' },
    calendar: { title: 'Working calendar' },
    templates: { title: 'Message templates' },
  },
)
