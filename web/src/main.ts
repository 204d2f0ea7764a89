import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './App.vue'
import { configureHttp } from './api/http'
import { i18n } from './i18n'
import { router } from './router'
import { useAuthStore } from './stores/auth'
import { useNotificationsStore } from './stores/notifications'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

const auth = useAuthStore(pinia)
configureHttp({
  csrfToken: () => auth.csrfToken,
  onUnauthorized: () => {
    // The session ended on the server (expired, logged out elsewhere, user disabled).
    auth.clear()
    useNotificationsStore(pinia).stop()
    const current = router.currentRoute.value
    if (!current.meta.public) {
      void router.replace({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
})

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
