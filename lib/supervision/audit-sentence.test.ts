// Issue 13 point 7 on a real PostgreSQL: the supervisor reads audit events as sentences with names (not ids, field
// names or enum values), in their language, and the CSV export says the same with the same labels.
import { createTranslator } from 'use-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { messagesFor } from '@/lib/i18n/messages';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { reassignCase } from '@/lib/cases/use-cases/reassign-cases';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { findAuditPage } from './audit-log';
import { auditSentence, type Translate } from './audit-sentence';
import { exportSupervisionTable } from './export';

function translator(locale: 'zh-CN' | 'en'): Translate {
  const t = createTranslator({ locale, messages: messagesFor(locale) });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), {
    has: (key: string) => t.has(key as never),
  });
}

let supervisor: TestUser;
let first: TestUser;
let second: TestUser;

beforeEach(async () => {
  await resetCaseData();
  first = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340200' });
  second = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340300', capacity: 0 });
  supervisor = await createUser('SUPERVISOR', { provinceCode: '34' });
  const names: [TestUser, string][] = [
    [supervisor, '周立新'],
    [first, '王强'],
    [second, '李娜'],
  ];
  for (const [user, displayName] of names) {
    await getPrisma().user.update({ where: { id: user.id }, data: { displayName } });
  }
});

describe('the audit view', () => {
  it('reads a reassignment as a sentence with names and the reason, in Chinese and English, and the CSV agrees', async () => {
    const citizen = await createUser('CITIZEN');
    const filed = (await submitAppeal(citizen, validFiling())).case;
    expect(filed.assigneeId).toBe(first.id);
    await reassignCase(supervisor, {
      caseId: filed.id,
      expectedVersion: filed.version,
      reviewerId: second.id,
      reason: '王强 休假',
    });

    const page = await findAuditPage(supervisor, { action: 'CASE_REASSIGNED' });
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(auditSentence(row, translator('zh-CN'))).toBe('周立新 将案件改派给 李娜，理由：王强 休假');
    expect(auditSentence(row, translator('en'))).toBe('周立新 reassigned the case to 李娜; reason: 王强 休假');
    expect(JSON.stringify(row)).not.toContain(second.id);

    const assigned = await findAuditPage(supervisor, { action: 'CASE_ASSIGNED' });
    expect(auditSentence(assigned.rows[0]!, translator('zh-CN'))).toBe('系统 将案件分配给 王强');

    const file = await exportSupervisionTable(supervisor, { table: 'audit' }, translator('zh-CN'));
    const [heading, ...lines] = file.csv.trim().split('\r\n');
    expect(heading).toBe('审计链,序号,时间（北京时间）,操作,操作人,案件编号,事件');
    const reassigned = lines.find((line) => line.includes('改派'));
    expect(reassigned).toContain(',重新分配,周立新,');
    expect(reassigned).toContain('周立新 将案件改派给 李娜，理由：王强 休假');
    expect(file.csv).not.toMatch(/CASE_REASSIGNED|assigneeId|SUPERVISOR/);
    expect(file.csv).not.toContain(second.id);
  });
});
