import { describe, expect, it } from 'vitest';
import { caseScopeWhere, HOME_PATH, isNationalScope } from './scope';

describe('caseScopeWhere', () => {
  it('limits a citizen to their own cases', () => {
    expect(caseScopeWhere({ id: 'c1', role: 'CITIZEN', provinceCode: null })).toEqual({ citizenId: 'c1' });
  });

  it('limits a reviewer to their province, and one without a province to nothing', () => {
    expect(caseScopeWhere({ id: 'r1', role: 'REVIEWER', provinceCode: '34' })).toEqual({ provinceCode: '34' });
    expect(caseScopeWhere({ id: 'r2', role: 'REVIEWER', provinceCode: null })).toEqual({ id: { in: [] } });
  });

  it('limits a provincial supervisor to the province and lets a national one see every province', () => {
    expect(caseScopeWhere({ id: 's1', role: 'SUPERVISOR', provinceCode: '41' })).toEqual({ provinceCode: '41' });
    expect(caseScopeWhere({ id: 's2', role: 'SUPERVISOR', provinceCode: null })).toEqual({});
    expect(isNationalScope({ id: 's2', role: 'SUPERVISOR', provinceCode: null })).toBe(true);
    expect(isNationalScope({ id: 'a', role: 'ADMIN', provinceCode: null })).toBe(false);
  });

  it('gives administrators no case access', () => {
    expect(caseScopeWhere({ id: 'a1', role: 'ADMIN', provinceCode: null })).toEqual({ id: { in: [] } });
  });

  it('sends each role to its own home', () => {
    expect(HOME_PATH).toEqual({ CITIZEN: '/my-cases', REVIEWER: '/review', SUPERVISOR: '/supervise', ADMIN: '/admin' });
  });
});
