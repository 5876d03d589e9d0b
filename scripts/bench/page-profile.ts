// Where a web server's CPU goes while it serves one page: a V8 CPU profile taken through the inspector of the running
// `next start` (started with --inspect on loopback), its busy time grouped by what ran. The benchmark prints one for
// each page target it misses (issue 18: "for each miss the profile that shows what limits it").
import { writeFileSync } from 'node:fs';

/** A part of the server's busy time, and its share in percent. */
export interface ProfilePart {
  part: string;
  percent: number;
}

export interface PageProfile {
  requests: number;
  /** Busy CPU time of the server's main thread per request, from the profile's samples. */
  busyMsPerRequest: number;
  /** Largest first. */
  parts: ProfilePart[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What ran, from a profile node's script address and function name. */
export function partOf({ url, functionName }: ProfileNode['callFrame']): string | null {
  if (functionName === '(idle)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return "V8's own work (compiling, the runtime)";
  if (url.includes('next/dist/compiled/next-server/app-page'))
    return "React's and Next.js's page renderers (RSC payload, then HTML)";
  if (url.includes('/.next/server/')) return "the app's bundle (its components and libraries, translations, Prisma)";
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(url)) return 'the pg driver';
  if (url.includes('node_modules/next/')) return "Next.js's server (routing, request handling)";
  if (url.startsWith('node:zlib')) return 'gzip';
  if (url.startsWith('node:')) return "Node.js's own JavaScript (streams, buffers, HTTP)";
  if (url === '') return "Node.js's native code (socket writes, string encoding)";
  return 'other';
}

/** Busy time per part, largest first. */
export function summariseProfile(profile: CpuProfile, requests: number): PageProfile {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPart = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const part = partOf(nodes.get(id)!.callFrame);
    const micros = profile.timeDeltas[index] ?? 0;
    if (part === null) return;
    busy += micros;
    byPart.set(part, (byPart.get(part) ?? 0) + micros);
  });
  return {
    requests,
    busyMsPerRequest: Math.round(busy / requests / 100) / 10,
    parts: [...byPart]
      .map(([part, micros]) => ({ part, percent: Math.round((1000 * micros) / Math.max(1, busy)) / 10 }))
      .sort((a, b) => b.percent - a.percent),
  };
}

/** One Chrome DevTools Protocol session with the process listening on `inspectPort`. */
async function inspect(inspectPort: number) {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  if (!target) throw new Error(`nothing to inspect on port ${inspectPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let next = 0;
  return {
    call<T>(method: string, params: object = {}): Promise<T> {
      const id = (next += 1);
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (message) => {
          waiting.delete(id);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result as T);
        });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

/**
 * Profiles the server while `request` runs `requests` times, one after another; `saveTo` keeps the whole profile
 * (a .cpuprofile file, for Chrome DevTools).
 */
export async function profilePage(
  inspectPort: number,
  request: () => Promise<unknown>,
  requests: number,
  saveTo?: string,
): Promise<PageProfile> {
  const session = await inspect(inspectPort);
  try {
    await session.call('Profiler.enable');
    await session.call('Profiler.start');
    for (let i = 0; i < requests; i += 1) await request();
    const { profile } = await session.call<{ profile: CpuProfile }>('Profiler.stop');
    await session.call('Profiler.disable');
    if (saveTo) writeFileSync(saveTo, JSON.stringify(profile));
    return summariseProfile(profile, requests);
  } finally {
    session.close();
  }
}

export function describeProfile(profile: PageProfile): string {
  return (
    `${profile.busyMsPerRequest} ms of the server's main thread per request over ${profile.requests}: ` +
    profile.parts
      .filter(({ percent }) => percent >= 1)
      .map(({ part, percent }) => `${part} ${percent} %`)
      .join(', ')
  );
}
