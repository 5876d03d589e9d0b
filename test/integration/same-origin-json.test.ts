// POST /api/appeals is authenticated by the session cookie, so it takes only what this app's own pages send: a JSON
// body from the same origin. A cross-site form (text/plain, no preflight) or another origin is refused before the
// session is even read.
import { describe, expect, it } from 'vitest';
import { POST as postAppeal } from '@/app/api/appeals/route';
import { refuseUnlessSameOriginJson } from '@/lib/security/same-origin-json';

const URL_ = 'http://localhost:3000/api/appeals';
const request = (headers: Record<string, string>) =>
  new Request(URL_, { method: 'POST', headers: { host: 'localhost:3000', ...headers }, body: '{}' });

describe('cookie-authenticated JSON POSTs', () => {
  it('refuse text/plain and form bodies with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const response = await postAppeal(request({ 'content-type': type, origin: 'http://localhost:3000' }));
      expect(response.status, type).toBe(415);
    }
  });

  it('refuse another origin, or none, with 403', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:3001']) {
      const response = await postAppeal(request({ 'content-type': 'application/json', origin }));
      expect(response.status, origin).toBe(403);
    }
    expect((await postAppeal(request({ 'content-type': 'application/json' }))).status).toBe(403);
  });

  it('let a same-origin JSON request through to the session check', () => {
    expect(
      refuseUnlessSameOriginJson(
        request({ 'content-type': 'application/json; charset=utf-8', origin: 'http://localhost:3000' }),
      ),
    ).toBeNull();
  });
});
