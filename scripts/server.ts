// The production web server (`npm start` runs it through scripts/run-app.ts): Next.js's request handler on a plain
// node:http server, so the client address is settled from the socket before Next.js sees the request. Next.js only
// fills X-Forwarded-For when it is missing, so without this a client could send its own and pick a fresh per-IP rate
// limit with every request. From a peer in TRUSTED_PROXIES the forwarded headers are kept and X-Forwarded-For is
// reduced to the client it names (lib/security/client-address.ts); from anyone else they are replaced or removed.
//   --port N       web port (default PORT or 3000)
//   --hostname H   address to listen on (default HOSTNAME or all)
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { clientAddress, parseTrustedProxies, type TrustedProxies } from '@/lib/security/client-address';

const { values: args } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });

/** Headers a client may not set for itself: only a trusted proxy speaks for the connection. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

function settleClientAddress(request: IncomingMessage, trusted: TrustedProxies): void {
  const peer = request.socket.remoteAddress;
  const client = clientAddress(peer, request.headers['x-forwarded-for'], trusted);
  const viaProxy = client !== 'unknown' && peer !== undefined && client !== peer.replace(/^::ffff:/i, '');
  if (!viaProxy) for (const name of PROXY_HEADERS) delete request.headers[name];
  request.headers['x-forwarded-for'] = client;
  delete request.headers['x-real-ip'];
}

async function main(): Promise<void> {
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  const hostname = args.hostname ?? process.env.HOSTNAME;
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  // Like `next start`: the production builds of React and Next.js are chosen when they are first loaded.
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? 'localhost' });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    settleClientAddress(request, trusted);
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(
      `web: listening on ${hostname ?? '*'}:${port}${process.env.TRUSTED_PROXIES ? ` (trusted proxies ${process.env.TRUSTED_PROXIES})` : ''}`,
    );
  });
  const stop = () => {
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Requests still running after 10 s are cut off.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
