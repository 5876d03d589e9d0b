import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { resetCaseData } from '@/test/support/db';
import { resolveSession } from './sessions';
import { STAFF_IDLE_MS } from './session-policy';
import { createSession, revokeSession, revokeUserSessions } from './sessions';

async function staffWithSession(signedInAt: Date) {
  const user = await prisma.user.create({
    data: { username: `r-${signedInAt.getTime()}`, role: 'REVIEWER', displayName: '审核员', provinceCode: '42' },
  });
  const sessionId = await prisma.$transaction((tx) => createSession(tx, user.id, signedInAt));
  return { user, sessionId };
}

beforeEach(async () => {
  await resetCaseData();
});

describe('resolveSession (real PostgreSQL)', () => {
  it('returns a small plain user for a live session and touches lastSeenAt at most once a minute', async () => {
    const signedInAt = new Date('2026-11-27T00:00:00Z');
    const { user, sessionId } = await staffWithSession(signedInAt);
    const at = new Date(signedInAt.getTime() + 10 * 60_000);
    expect(await resolveSession(sessionId, 'REVIEWER', at)).toEqual({
      id: user.id,
      role: 'REVIEWER',
      displayName: '审核员',
      provinceCode: '42',
      unitCode: null,
      sessionId,
    });
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(at);
    await resolveSession(sessionId, 'REVIEWER', new Date(at.getTime() + 30_000));
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(at);
  });

  it('signs staff out after 30 idle minutes', async () => {
    const signedInAt = new Date('2026-11-27T00:00:00Z');
    const { sessionId } = await staffWithSession(signedInAt);
    expect(await resolveSession(sessionId, 'REVIEWER', new Date(signedInAt.getTime() + STAFF_IDLE_MS + 1))).toBeNull();
  });

  it('treats a revoked session, a disabled user and a changed role as signed out', async () => {
    const now = new Date();
    const { user, sessionId } = await staffWithSession(now);
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await resolveSession(sessionId, 'REVIEWER', now)).toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await resolveSession(sessionId, 'REVIEWER', now)).not.toBeNull();
    await revokeSession(sessionId);
    expect(await resolveSession(sessionId, 'REVIEWER', now)).toBeNull();
  });

  it('revokes every session of a user at once', async () => {
    const now = new Date();
    const { user, sessionId } = await staffWithSession(now);
    const second = await prisma.$transaction((tx) => createSession(tx, user.id, now));
    expect(await prisma.$transaction((tx) => revokeUserSessions(tx, user.id))).toBe(2);
    expect(await resolveSession(sessionId, 'REVIEWER', now)).toBeNull();
    expect(await resolveSession(second, 'REVIEWER', now)).toBeNull();
  });

  it('knows nothing of an unknown session id', async () => {
    expect(await resolveSession('00000000-0000-4000-8000-000000000000', 'REVIEWER')).toBeNull();
  });

  it('treats an id that is not a session id at all as signed out, without asking the database to parse it', async () => {
    expect(await resolveSession('not-a-uuid', 'REVIEWER')).toBeNull();
    expect(await resolveSession("' OR 1=1 --", 'REVIEWER')).toBeNull();
  });

  it('sees a second factor checked for the session and the user enrolling one (the loaded row carries both)', async () => {
    const now = new Date();
    const supervisor = await prisma.user.create({
      data: { username: `s-${now.getTime()}`, role: 'SUPERVISOR', displayName: '督查员', provinceCode: '42' },
    });
    const sessionId = await prisma.$transaction((tx) => createSession(tx, supervisor.id, now));
    // A supervisor must have a second factor: until it is checked for this session, the session is not signed in.
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toBeNull();
    await prisma.user.update({ where: { id: supervisor.id }, data: { totpEnabledAt: now } });
    await prisma.session.update({ where: { id: sessionId }, data: { secondFactorAt: now } });
    expect(await resolveSession(sessionId, 'SUPERVISOR', now)).toMatchObject({ id: supervisor.id, role: 'SUPERVISOR' });
  });
});
