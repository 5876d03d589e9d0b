import { describe, expect, it } from 'vitest';
import { isMainlandMobile, maskMobile } from './mobile';
import { encodeSignInError, parseSignInError } from './sign-in-errors';
import { ipFromHeaders } from './request-ip';
import { safeReturnPath } from './scope';

describe('mobile numbers', () => {
  it('accepts mainland numbers only', () => {
    expect(isMainlandMobile('13800000001')).toBe(true);
    expect(isMainlandMobile('19912345678')).toBe(true);
    for (const bad of ['12800000001', '1380000000', '138000000012', '+8613800000001', '1380000000a', '']) {
      expect(isMainlandMobile(bad)).toBe(false);
    }
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('13800000001')).toBe('138****0001');
    expect(maskMobile('garbage')).toBe('***********');
  });
});

describe('sign-in error codes', () => {
  it('round-trips codes with and without a count, and hides unknown ones', () => {
    expect(parseSignInError(encodeSignInError({ code: 'code_wrong', count: 3 }))).toEqual({
      code: 'code_wrong',
      count: 3,
    });
    expect(parseSignInError(encodeSignInError({ code: 'code_expired' }))).toEqual({
      code: 'code_expired',
      count: undefined,
    });
    expect(parseSignInError('Error: connect ECONNREFUSED 127.0.0.1:5432')).toEqual({ code: 'generic' });
    expect(parseSignInError(null)).toBeNull();
  });
});

describe('request addresses and return paths', () => {
  it('uses the nearest X-Forwarded-For hop', () => {
    expect(ipFromHeaders('1.1.1.1, 10.0.0.2')).toBe('10.0.0.2');
    expect(ipFromHeaders(undefined, '10.0.0.9')).toBe('10.0.0.9');
    expect(ipFromHeaders(null)).toBe('unknown');
  });

  it('only returns to paths on this site', () => {
    expect(safeReturnPath('/review?x=1')).toBe('/review?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'review', '', undefined]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
