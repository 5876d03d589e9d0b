import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { redactText } from './redact';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  process.env.LOG_LEVEL = 'info';
  const logger = createLogger(stream);
  delete process.env.LOG_LEVEL;
  return { logger, lines };
}

describe('redactText', () => {
  it('removes resident ID numbers and masks mobile numbers wherever they appear', () => {
    expect(redactText('身份证 34010419851212456X 手机13912345678。')).toBe('身份证 [ID number] 手机139****5678。');
    expect(redactText('id=340104198512124566,tel=+8613912345678')).toBe('id=[ID number],tel=+86139****5678');
    // References, UUIDs and long numbers that are not mobiles are left alone.
    expect(redactText('SS-34-20261127-000123 12345678901234 19912345678901')).toBe(
      'SS-34-20261127-000123 12345678901234 19912345678901',
    );
  });
});

describe('the structured logger', () => {
  it('writes JSON lines without personal data: messages, error texts and known fields', async () => {
    const { logger, lines } = capture();
    logger.info(
      { caseId: 'c1', mobile: '13912345678', filing: { idNumber: '340104198512124566', applicantName: '王小明' } },
      'filed for 13912345678',
    );
    logger.error(
      { err: new Error('duplicate key value (id_number_hash)=(340104198512124566) for 13800000001') },
      'unexpected',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('340104198512124566');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13800000001');
    expect(lines[0]).toMatchObject({
      level: 'info',
      caseId: 'c1',
      mobile: '[redacted]',
      msg: 'filed for 139****5678',
      filing: { idNumber: '[redacted]' },
    });
    expect(lines[1]).toMatchObject({
      level: 'error',
      err: { type: 'Error', message: 'duplicate key value (id_number_hash)=([ID number]) for 138****0001' },
    });
  });
});
