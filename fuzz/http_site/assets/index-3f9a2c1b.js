import{createApp as a}from"/assets/vue-8d1e0f2a.js";a({}).mount("#app");
