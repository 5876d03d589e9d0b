// The largest server-action body (a filing with its evidence files): read by next.config.js (serverActions
// bodySizeLimit) and by proxy.ts, which answers a larger declared body with 413 and a clear message before Next.js
// would fail on it with a bare 500.
export const SERVER_ACTION_BODY_LIMIT_MB = 27;
export const SERVER_ACTION_BODY_LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024;
