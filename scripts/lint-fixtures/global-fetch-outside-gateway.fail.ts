// lint-as: server/routes/health-routes.ts
// expect: no-restricted-syntax
export const sites = () => globalThis.fetch("https://pinotage-api.centrastage.net/api/v2/account/sites");
