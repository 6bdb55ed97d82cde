// One implementation for the panel and the popup (src/shared/request-host-access.ts).
export { type RequestHostAccess, requestHostAccess } from '../shared/request-host-access';
