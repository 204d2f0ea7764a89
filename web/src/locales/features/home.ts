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
      leader: {
        title: '待批示的提级件',
        hint: '以下事项已提级到您，等待批示。',
        empty: '目前没有等待批示的提级件。',
        dashboard: '统计看板正在建设中，建成后将显示在此处。',
        open: '查看并批示',
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
      leader: {
        title: 'Escalations awaiting your instruction',
        hint: 'These cases were escalated to you and wait for an instruction.',
        empty: 'No escalations are waiting for an instruction.',
        dashboard: 'The statistics dashboard is being built and will appear here.',
        open: 'Open and instruct',
      },
    },
  },
)
