// The filing clients' HTTP requests: node:http through one keep-alive agent. The load generator shares the machine's
// two cores with the server it measures, so what it spends per request the server lacks; fetch (undici, with its
// WHATWG streams) spent more per request than this (docs/benchmarks.md, "Session 11").
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
