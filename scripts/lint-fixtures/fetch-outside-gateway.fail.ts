// lint-as: server/fleet/fleet-walk.ts
// expect: no-restricted-syntax
export const sites = () => fetch("https://pinotage-api.centrastage.net/api/v2/account/sites");
