// SPEC §5 on a real PostgreSQL, issue 13 point 5: the 15-day window for a second-level review is counted by the Civil
// Code period rules (not 15×24 hours), and the decision letter (page model and PDF) is a formal 决定书 with the routes'
// computed last dates; another citizen's case is not found.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createFormatter, createTranslator } from 'use-intl';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { messagesFor } from '@/lib/i18n/messages';
import { createUser, validFiling, type TestUser } from '@/test/support/fixtures';
import { resetCaseData } from '@/test/support/db';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { startReview } from '@/lib/cases/use-cases/start-review';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { shanghaiDateOf } from '@/lib/cases/rules/working-days';
import { getDecisionLetter } from './decision-letter';
import { composeDecisionLetter, type LetterFormat } from './decision-letter-layout';
import { getDecisionLetterPdf } from './decision-letter-pdf';

const REASONS = '经核查，申诉人提供的考勤记录与行程卡显示其当日不在风险区域，原赋码依据不足。';
const DAY_MS = 86_400_000;

let citizen: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  await resetCaseData();
  citizen = await createUser('CITIZEN');
  reviewer = await createUser('REVIEWER', { provinceCode: '34', unitCode: '340100' });
});

function zhFormat(): LetterFormat {
  const messages = messagesFor('zh-CN');
  const t = createTranslator({ locale: 'zh-CN', messages });
  const format = createFormatter({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
  return {
    t: (key, values) => t(key as never, values as never),
    date: (at) => format.dateTime(at, { dateStyle: 'long' }),
    dateTime: (at) => `${format.dateTime(at, { dateStyle: 'long', timeStyle: 'short' })}（北京时间）`,
    locale: 'zh-CN',
  };
}

/** 10:00 Beijing on the first day after filing whose date + 15 days is a Sunday. */
function decisionLandingOnSunday(filedAt: Date): Date {
  for (let days = 1; ; days += 1) {
    const date = shanghaiDateOf(new Date(filedAt.getTime() + days * DAY_MS));
    const at = new Date(`${date}T10:00:00+08:00`);
    if (new Date(Date.parse(`${date}T00:00:00Z`) + 15 * DAY_MS).getUTCDay() === 0) return at;
  }
}

/** A red-code case filed now and downgraded by the reviewer at `decideAt(filedAt)` (default: now). */
async function decidedCase(decideAt: (filedAt: Date) => Date = () => new Date()) {
  const { case: filed } = await submitAppeal(citizen, validFiling({ colour: 'RED' }));
  const started = (await startReview(reviewer, { caseId: filed.id, expectedVersion: filed.version })).case;
  const decidedAt = decideAt(filed.filedAt);
  const { case: decided } = await decideCase(
    reviewer,
    {
      caseId: started.id,
      expectedVersion: started.version,
      outcome: 'DOWNGRADED',
      ruleCode: 'SECONDARY_CLOSE_CONTACT',
      reasons: REASONS,
    },
    decidedAt,
  );
  return { decided, decidedAt };
}

describe('the window for asking for a second-level review', () => {
  it('ends at 24:00 of the first working day on or after the 15th day, not 15×24 hours after the decision', async () => {
    const { decided, decidedAt } = await decidedCase(decisionLandingOnSunday);
    const sunday = new Date(Date.parse(`${shanghaiDateOf(decidedAt)}T00:00:00Z`) + 15 * DAY_MS)
      .toISOString()
      .slice(0, 10);
    const end = decided.secondReviewDeadlineAt!;
    const lastDay = shanghaiDateOf(end);
    expect(lastDay > sunday).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${lastDay}T00:00:00Z`).getUTCDay());
    expect(end.toISOString()).toBe(new Date(`${lastDay}T23:59:59.999+08:00`).toISOString());
  });
});

describe('the decision letter', () => {
  it('names authority, unit, applicant (masked), case, facts, rule, outcome, reasons and dated routes', async () => {
    const { decided, decidedAt } = await decidedCase();
    const view = await getDecisionLetter(citizen, decided.id);
    expect(view).not.toBeNull();
    expect(view!.provinceName).toBe('安徽省');
    expect(view!.decisions[0]!.decidingUnitName).toBe('合肥市');
    expect(view!.decisions[0]!.colourAfter).toBe('YELLOW');
    expect(view!.applicant.idNumberMasked).toMatch(/^\d{4}\*+\d{4}$/);
    expect(view!.routes.secondReview?.endsAt).toEqual(decided.secondReviewDeadlineAt);
    // 60 days and 6 months, each ending at 24:00 Beijing of a day at least that long after the decision.
    const reconsideration = view!.routes.reconsideration.endsAt;
    expect(reconsideration.getTime() - decidedAt.getTime()).toBeGreaterThanOrEqual(59 * DAY_MS);
    expect(view!.routes.litigation.endsAt.getTime() - decidedAt.getTime()).toBeGreaterThan(180 * DAY_MS);

    const text = composeDecisionLetter(view!, zhFormat())
      .flatMap((block) =>
        block.kind === 'fields'
          ? block.rows.flatMap((row) => [row.label, row.value])
          : block.kind === 'signature'
            ? block.lines
            : [block.text],
      )
      .join('\n');
    for (const expected of [
      '安徽省健康码申诉处理机构',
      '健康码申诉处理决定书',
      decided.reference,
      '合肥市',
      view!.applicant.idNumberMasked!,
      '由红码降为黄码',
      '次密切接触者',
      REASONS,
      '向安徽省人民政府申请行政复议',
      '有管辖权的人民法院',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(validFiling().idNumber);
  });

  it('is not found for another citizen, and the PDF holds the same letter with its audit receipt', async () => {
    const { decided } = await decidedCase();
    const other = await createUser('CITIZEN');
    expect(await getDecisionLetter(other, decided.id)).toBeNull();
    expect(await getDecisionLetterPdf(other, decided.id, zhFormat())).toBeNull();

    const pdf = await getDecisionLetterPdf(citizen, decided.id, zhFormat());
    expect(pdf!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf!.bytes.length).toBeLessThan(60_000);
    const document = await getDocument({ data: new Uint8Array(pdf!.bytes), useSystemFonts: false }).promise;
    let text = '';
    for (let page = 1; page <= document.numPages; page += 1) {
      const content = await (await document.getPage(page)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    const compact = text.replace(/\s+/g, '');
    const receipt = await getPrisma().auditEvent.findFirstOrThrow({
      where: { caseId: decided.id, action: 'CASE_DECIDED' },
    });
    for (const expected of ['健康码申诉处理决定书', decided.reference, '申请行政复议', REASONS, receipt.hash]) {
      expect(compact).toContain(expected.replace(/\s+/g, ''));
    }
  });
});
