// Domain errors of the case engine. Each carries a stable code, the HTTP status the action wrapper answers with,
// and a next-intl message key with its default wording, so no caller ever shows an internal message to a user.
import type { CaseState } from '@/lib/db/generated/enums';

export const DOMAIN_ERROR_MESSAGES = {
  'errors.caseNotFound': { zh: '未找到该案件。', en: 'Case not found.' },
  'errors.forbiddenAction': { zh: '您无权执行此操作。', en: 'You are not allowed to do this.' },
  'errors.illegalTransition': {
    zh: '案件当前状态下不能执行此操作。',
    en: 'This cannot be done while the case is in its current state.',
  },
  'errors.staleVersion': {
    zh: '案件已被他人更新，请刷新页面后重试。',
    en: 'The case was changed by someone else. Reload the page and try again.',
  },
  'errors.validation': { zh: '请检查填写的内容。', en: 'Check the information you entered.' },
  'errors.idempotencyConflict': {
    zh: '该提交编号已用于另一份不同的申诉。',
    en: 'This submission key was already used for a different appeal.',
  },
  'errors.notAssignee': {
    zh: '只有承办审核员可以执行此操作。',
    en: 'Only the reviewer the case is assigned to can do this.',
  },
  'errors.notInPool': {
    zh: '该案件已有承办人，不能认领。',
    en: 'This case is already assigned and cannot be claimed.',
  },
  'errors.excludedReviewer': { zh: '您已被排除办理此案件。', en: 'You are excluded from this case.' },
  'errors.replyWindowOpen': {
    zh: '申诉人补充材料的期限尚未届满，请等待答复后再作决定。',
    en: "The citizen's time to answer has not run out yet: wait for the answer before deciding.",
  },
  'errors.ruleNotInCatalogue': {
    zh: '所选依据不在本案适用的赋码原因目录中。',
    en: "The rule is not in the case's reason catalogue.",
  },
  'errors.downgradeNeedsRed': { zh: '只有红码可以降为黄码。', en: 'Only a red code can be downgraded to yellow.' },
  'errors.ruleNotValidBasis': {
    zh: '“未说明原因”或与疫情防控无关的原因不能作为维持红码或黄码的依据。',
    en: '"No reason stated" or a reason unrelated to the epidemic cannot support keeping a red or yellow code.',
  },
  'errors.colourAboveRuleMaximum': {
    zh: '该决定保留的颜色高于所选依据允许的最高颜色。',
    en: 'This decision keeps a colour above the highest one its rule allows.',
  },
  'errors.secondReviewWorsens': {
    zh: '复核不能作出比原决定更不利的结果：只能维持原决定，或作出更有利的决定。',
    en: 'A second-level review cannot leave the applicant worse off: keep the first decision or choose a more favourable outcome.',
  },
  'errors.secondReviewWindowClosed': {
    zh: '申请复核的 15 日期限已过。',
    en: 'The 15 days for asking for a second-level review have passed.',
  },
  'errors.sameDecider': {
    zh: '作出原决定的人员不能办理复核。',
    en: 'The person who made the first decision cannot decide the second-level review.',
  },
  'errors.closeTooEarly': {
    zh: '复核申请期限届满前不能结案。',
    en: 'The case cannot be closed before the second-review window ends.',
  },
  'errors.transferSameProvince': { zh: '请选择其他省份。', en: 'Choose a different province.' },
  'errors.reviewerNotEligible': {
    zh: '该审核员不能承办此案件（不在本省、已停用或已被排除）。',
    en: 'That reviewer cannot take this case (other province, inactive or excluded).',
  },
  'errors.incidentNationalOnly': {
    zh: '该事件涉及省级赋码机关，由国家级督导处理。',
    en: 'This incident concerns a provincial-level authority and is handled by the national supervisors.',
  },
  'errors.incidentSelectionChanged': {
    zh: '所选案件中有案件已被处理或已不属于该事件，请刷新页面后重新选择。',
    en: 'Some of the selected cases were handled meanwhile or no longer belong to the incident. Reload the page and select again.',
  },
  'errors.deadlineRules': {
    zh: '期限规则缺失或无效，请联系管理员。',
    en: 'Deadline rules are missing or invalid; contact an administrator.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type DomainErrorMessageKey = keyof typeof DOMAIN_ERROR_MESSAGES;

export type DomainErrorCode =
  | 'CASE_NOT_FOUND'
  | 'FORBIDDEN_ACTION'
  | 'ILLEGAL_TRANSITION'
  | 'STALE_VERSION'
  | 'VALIDATION_FAILED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'RULE_VIOLATION';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  abstract readonly status: number;
  abstract readonly messageKey: DomainErrorMessageKey;
}

/** Also used for cases outside the caller's scope: outsiders learn nothing, not even that the case exists. */
export class CaseNotFoundError extends DomainError {
  readonly code = 'CASE_NOT_FOUND';
  readonly status = 404;
  readonly messageKey = 'errors.caseNotFound';
  constructor() {
    super(DOMAIN_ERROR_MESSAGES['errors.caseNotFound'].en);
    this.name = 'CaseNotFoundError';
  }
}

/** The caller can see the case, but their role may not perform this action on it. */
export class ForbiddenActionError extends DomainError {
  readonly code = 'FORBIDDEN_ACTION';
  readonly status = 403;
  readonly messageKey = 'errors.forbiddenAction';
  readonly action: string;
  constructor(action: string) {
    super(`${DOMAIN_ERROR_MESSAGES['errors.forbiddenAction'].en} (${action})`);
    this.name = 'ForbiddenActionError';
    this.action = action;
  }
}

export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  readonly status = 409;
  readonly messageKey = 'errors.illegalTransition';
  readonly from: CaseState;
  readonly action: string;
  constructor(from: CaseState, action: string) {
    super(`${DOMAIN_ERROR_MESSAGES['errors.illegalTransition'].en} (${action} from ${from})`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.action = action;
  }
}

/** Optimistic concurrency: the caller acted on a version of the case that is no longer current. */
export class ConflictError extends DomainError {
  readonly code = 'STALE_VERSION';
  readonly status = 409;
  readonly messageKey = 'errors.staleVersion';
  constructor() {
    super(DOMAIN_ERROR_MESSAGES['errors.staleVersion'].en);
    this.name = 'ConflictError';
  }
}

/** Field name → message key (e.g. `{ issuingUnitCode: 'filing.errors.issuingUnitUnknown' }`). */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 422;
  readonly messageKey = 'errors.validation';
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(`${DOMAIN_ERROR_MESSAGES['errors.validation'].en} (${Object.keys(fieldErrors).join(', ')})`);
    this.name = 'ValidationError';
    this.fieldErrors = { ...fieldErrors };
  }
}

/** The idempotency key was already used with a different payload (the same payload returns the first case instead). */
export class IdempotencyConflictError extends DomainError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  readonly status = 409;
  readonly messageKey = 'errors.idempotencyConflict';
  constructor() {
    super(DOMAIN_ERROR_MESSAGES['errors.idempotencyConflict'].en);
    this.name = 'IdempotencyConflictError';
  }
}

/** A rule beyond the transitions table refuses the action (reply window, 15-day window, first decider …). */
export class RuleViolationError extends DomainError {
  readonly code = 'RULE_VIOLATION';
  readonly status = 409;
  readonly messageKey: DomainErrorMessageKey;
  constructor(messageKey: DomainErrorMessageKey) {
    super(DOMAIN_ERROR_MESSAGES[messageKey].en);
    this.name = 'RuleViolationError';
    this.messageKey = messageKey;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
