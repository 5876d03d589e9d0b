// `npm run integration -- receiver`: a webhook receiver on this machine for the demo and for a province's IT department
// trying the integration out. It checks each delivery as a province's system must (docs/integration.md): the
// signature with the province's webhook secret (read from the database, so nothing is copied by hand) and the
// timestamp's freshness; answers 200 to a good delivery and 401 otherwise, and prints one line per delivery.
import 'server-only';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prisma } from '@/lib/db/client';
import { openSecret } from './secrets';
import { isTimestampFresh, verifySignature } from './signature';

export async function startWebhookReceiver(options: {
  provinceCode: string;
  port: number;
  log: (line: string) => void;
}): Promise<Server> {
  const system = await prisma.provinceSystem.findUnique({
    where: { provinceCode: options.provinceCode },
    select: { webhookSecretCipher: true },
  });
  if (!system?.webhookSecretCipher) throw new Error(`province ${options.provinceCode} has no webhook secret`);
  const secret = openSecret(system.webhookSecretCipher);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const timestamp = String(request.headers['x-timestamp'] ?? '');
      const signature = String(request.headers['x-signature'] ?? '');
      const valid =
        request.method === 'POST' &&
        isTimestampFresh(timestamp, new Date()) &&
        verifySignature(secret, { timestamp, method: 'POST', path: request.url ?? '/', body }, signature);
      // The line is printed before the answer is sent, so whoever reads the answer can already find the line.
      options.log(
        `${new Date().toISOString()} ${request.headers['x-event-type'] ?? '?'} ${request.headers['x-event-id'] ?? '?'} ` +
          `${valid ? '200 签名正确 signature valid' : '401 签名错误 signature invalid'}`,
      );
      response.statusCode = valid ? 200 : 401;
      response.end(valid ? 'ok' : 'bad signature');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  options.log(
    `接收端已启动 receiver listening on http://127.0.0.1:${(server.address() as AddressInfo).port} ` +
      `(province ${options.provinceCode}); Ctrl+C 停止 to stop`,
  );
  return server;
}
