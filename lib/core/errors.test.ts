import { describe, expect, it } from 'vitest';
import {
  CaseNotFoundError,
  ConflictError,
  ForbiddenActionError,
  IdempotencyConflictError,
  IllegalTransitionError,
  isAppError,
  ValidationError,
} from './errors';
import { flatMessages } from '@/lib/i18n/messages';

describe('domain errors', () => {
  it.each([
    [new CaseNotFoundError(), 'CASE_NOT_FOUND', 404, 'errors.caseNotFound'],
    [new ForbiddenActionError('DECIDE'), 'FORBIDDEN_ACTION', 403, 'errors.forbiddenAction'],
    [new IllegalTransitionError('FINAL', 'DECIDE'), 'ILLEGAL_TRANSITION', 409, 'errors.illegalTransition'],
    [new ConflictError(), 'STALE_VERSION', 409, 'errors.staleVersion'],
    [
      new ValidationError({ issuingUnitCode: 'filing.errors.issuingUnitUnknown' }),
      'VALIDATION_FAILED',
      422,
      'errors.validation',
    ],
    [new IdempotencyConflictError(), 'IDEMPOTENCY_CONFLICT', 409, 'errors.idempotencyConflict'],
  ])('%s has a stable code, status and translatable message', (error, code, status, messageKey) => {
    expect(error).toBeInstanceOf(Error);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code, status, messageKey, name: error.constructor.name });
    expect(flatMessages('zh-CN')[error.messageKey]).toEqual(expect.any(String));
    expect(flatMessages('en')[error.messageKey]).toEqual(expect.any(String));
  });

  it('keeps the details a caller needs', () => {
    expect(new IllegalTransitionError('FINAL', 'DECIDE')).toMatchObject({ from: 'FINAL', action: 'DECIDE' });
    expect(new ValidationError({ statement: 'filing.errors.statementTooShort' }).fieldErrors).toEqual({
      statement: 'filing.errors.statementTooShort',
    });
    expect(isAppError(new Error('boom'))).toBe(false);
  });
});
