import { defineMessages } from '../define'

// 组织、用户、API 令牌、直通卡
export default defineMessages(
  {
    org: { title: '组织机构' },
    users: { title: '用户与角色' },
    tokens: { title: 'API 令牌' },
    directCards: { title: '直通卡' },
  },
  {
    org: { title: 'Organisation' },
    users: { title: 'Users and roles' },
    tokens: { title: 'API tokens' },
    directCards: { title: 'Direct cards' },
  },
)
