import { describe, expect, it } from 'vitest';
import { sessionCookiesSecure } from './secure-cookies';

describe('sessionCookiesSecure', () => {
  it('is on in production, also when the public URL is (mistakenly) http or unset', () => {
    expect(sessionCookiesSecure({ NODE_ENV: 'production', NEXTAUTH_URL: 'https://appeals.example.gov.cn' })).toBe(true);
    expect(sessionCookiesSecure({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://appeals.example.gov.cn' })).toBe(true);
    expect(sessionCookiesSecure({ NODE_ENV: 'production' })).toBe(true);
  });

  it('is off for a production build on a loopback address, and in development over http', () => {
    expect(sessionCookiesSecure({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://localhost:3100' })).toBe(false);
    expect(sessionCookiesSecure({ NODE_ENV: 'production', NEXTAUTH_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(sessionCookiesSecure({ NODE_ENV: 'development', NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(sessionCookiesSecure({ NODE_ENV: 'development', NEXTAUTH_URL: 'https://dev.example' })).toBe(true);
  });
});
