import { defineMessages } from '../define'

export default defineMessages(
  {
    home: {
      title: '首页',
      menu: '首页',
      greeting: '{name}，您好',
      collect: '采集 / 登记',
      collectHint: '把居民反映的问题记下来，系统会送到负责的单位',
      mine: {
        title: '我上报的',
        empty: '还没有上报的事项。点击上方“采集 / 登记”开始。',
        answer: '答复',
        unread: '新答复',
        noAnswer: '尚未答复',
        holder: '办理单位：{name}',
        more: '加载更多',
      },
    },
  },
  {
    home: {
      title: 'Home',
      menu: 'Home',
      greeting: 'Hello, {name}',
      collect: 'Collect / Register',
      collectHint: "Record what residents raise; the system takes it to the unit in charge",
      mine: {
        title: 'What I reported',
        empty: 'Nothing reported yet. Tap "Collect / Register" above to start.',
        answer: 'Answer',
        unread: 'New answer',
        noAnswer: 'Not answered yet',
        holder: 'Handled by: {name}',
        more: 'Load more',
      },
    },
  },
)
