import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '@/lib/core/errors';
import { flatMessages } from '@/lib/i18n/messages';
import { parseSignInError, SIGN_IN_ERROR_CODES, SignInRefusal } from './sign-in-errors';

describe('sign-in refusals', () => {
  it('are AppErrors with a message key, a status and the values their text names', () => {
    const wrong = new SignInRefusal({ code: 'code_wrong', count: 2 });
    expect(isAppError(wrong)).toBe(true);
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong.messageKey).toBe('signIn.errors.code_wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.values).toEqual({ count: 2 });
    const locked = new SignInRefusal({ code: 'locked', count: 61 });
    expect(locked.status).toBe(429);
    expect(locked.values).toEqual({ minutes: 2 });
    expect(new SignInRefusal({ code: 'code_expired' }).values).toBeUndefined();
  });

  it('travel through next-auth as their short code and come back the same', () => {
    const sent = new SignInRefusal({ code: 'rate_limited', count: 300 });
    expect(sent.message).toBe('rate_limited:300');
    const received = new SignInRefusal(parseSignInError(sent.message)!);
    expect(received.messageKey).toBe(sent.messageKey);
    expect(received.values).toEqual({ minutes: 5 });
  });

  it('have a text in both languages for every code', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const messages = flatMessages(locale);
      for (const code of SIGN_IN_ERROR_CODES)
        expect(messages[new SignInRefusal({ code }).messageKey], `${locale} ${code}`).toBeTruthy();
    }
  });
});
