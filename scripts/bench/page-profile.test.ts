// The benchmark's page profile: taken through a real inspector from another process, and its busy time grouped
// by what ran, idle time left out.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@/test/support/free-port';
import { partOf, profilePage, summariseProfile } from './page-profile';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('summariseProfile', () => {
  it('shares out the busy time by part and leaves idle time out', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('(garbage collector)', '') },
        {
          id: 3,
          callFrame: frame('renderToHTML', 'file:///app/node_modules/next/dist/compiled/next-server/app-page.js'),
        },
        { id: 4, callFrame: frame('parseRow', 'file:///app/node_modules/pg/lib/result.js') },
      ],
      samples: [1, 3, 3, 2, 4, 1],
      timeDeltas: [5000, 1000, 1000, 1000, 1000, 9000],
    };
    expect(summariseProfile(profile, 2)).toEqual({
      requests: 2,
      busyMsPerRequest: 2,
      parts: [
        { part: "React's and Next.js's page renderers (RSC payload, then HTML)", percent: 50 },
        { part: 'garbage collection', percent: 25 },
        { part: 'the pg driver', percent: 25 },
      ],
    });
  });

  it("names the app's bundle, Node.js's own code and native code apart", () => {
    expect(partOf({ functionName: 'Page', url: 'file:///app/.next/server/chunks/ssr/app_page.js' })).toMatch(
      /the app's bundle/,
    );
    expect(partOf({ functionName: 'writeGeneric', url: 'node:internal/stream_base_commons' })).toMatch(
      /Node\.js's own/,
    );
    expect(partOf({ functionName: 'writev', url: '' })).toMatch(/native code/);
    expect(partOf({ functionName: '(program)', url: '' })).toMatch(/V8's own work/);
    expect(partOf({ functionName: '(idle)', url: '' })).toBeNull();
  });
});

describe('profilePage', () => {
  it("profiles another process's work through its inspector while the requests run", async () => {
    // A server whose answer costs about 20 ms of CPU in a function of its own script (outside the app: 'other').
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'page-profile-')), 'server.js');
    writeFileSync(
      script,
      `
      function busyAnswer(response) { const end = Date.now() + 20; while (Date.now() < end); response.end('done'); }
      require('node:http').createServer((request, response) => busyAnswer(response))
        .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    );
    const inspectPort = await freePort();
    const child = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectPort}`, script], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(child);
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const port = Number(String(chunk).trim());

    const profile = await profilePage(
      inspectPort,
      async () => expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('done'),
      10,
    );

    expect(profile.requests).toBe(10);
    // Busy time of the server's thread, not the wall time between requests.
    expect(profile.busyMsPerRequest).toBeGreaterThan(10);
    expect(profile.busyMsPerRequest).toBeLessThan(60);
    expect(profile.parts.find(({ part }) => part === 'other')?.percent).toBeGreaterThan(50);
  });
});
