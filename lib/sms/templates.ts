// The texts of every SMS kind, per language. The built-in provider sends these texts; a real provider sends the
// template registered with it (SMS_TEMPLATES, lib/sms/template-config.ts), whose approved wording should match them.
import type { SmsKind, SmsLocale } from './provider';

type Params = Readonly<Record<string, string>>;
type Texts = Record<SmsKind, (p: Params) => string>;

// Interim relief (SPEC §15): the colour a temporary correction gives, and why it was reverted, in words.
const ZH_COLOURS: Params = { GREEN: '绿码', YELLOW: '黄码', RED: '红码' };
const EN_COLOURS: Params = { GREEN: 'green', YELLOW: 'yellow', RED: 'red' };
const ZH_REVERT_CAUSES: Params = {
  EXPIRED: '临时救济期限已满而尚未作出决定',
  DECISION_UPHOLDS: '决定维持原赋码',
  WITHDRAWN: '申诉已撤回',
};
const EN_REVERT_CAUSES: Params = {
  EXPIRED: 'the relief ran out before the decision',
  DECISION_UPHOLDS: 'the decision kept the code',
  WITHDRAWN: 'the appeal was withdrawn',
};

const ZH: Texts = {
  SIGN_IN_CODE: (p) => `【健康码申诉】您的登录验证码是 ${p.code}，5 分钟内有效。请勿将验证码告诉他人。`,
  STATUS_CODE: (p) =>
    `【健康码申诉】您正在查询申诉 ${p.reference} 的办理进度，验证码 ${p.code}，5 分钟内有效。如非本人操作，请忽略本短信。`,
  CASE_FILED: (p) =>
    `【健康码申诉】您的申诉已受理，编号 ${p.reference}，预计 ${p.dueAt} 前作出决定。可凭编号查询进度。`,
  INFORMATION_REQUESTED: (p) => `【健康码申诉】申诉 ${p.reference} 需要您补充材料，请在 ${p.replyDueAt} 前登录答复。`,
  CITIZEN_REPLIED: (p) => `【健康码申诉】申诉 ${p.reference} 已收到申诉人答复。`,
  CASE_DECIDED: (p) => `【健康码申诉】申诉 ${p.reference} 已作出决定，请登录查看。如不服，可在 15 日内申请复核。`,
  DEADLINE_OVERDUE: (p) => `【健康码申诉】申诉 ${p.reference} 已超过办理期限，已上报督导。`,
  SECOND_REVIEW_REQUESTED: (p) => `【健康码申诉】申诉 ${p.reference} 已申请复核。`,
  SECOND_REVIEW_DECIDED: (p) => `【健康码申诉】申诉 ${p.reference} 的复核已作出决定，请登录查看。`,
  CASE_TRANSFERRED_IN: (p) => `【健康码申诉】申诉 ${p.reference} 已移送本省办理。`,
  DATA_REQUEST_FILED: () => `【健康码申诉】有新的个人信息权利请求待办理。`,
  DATA_REQUEST_ANSWERED: () => `【健康码申诉】您提出的个人信息权利请求已答复，请登录“我的个人信息”查看。`,
  CORRECTION_CONFIRMED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：赋码省份已确认按决定更正您的健康码（${p.confirmedAt}）。可登录查看。`,
  INTERIM_RELIEF_REQUESTED: (p) => `【健康码申诉】申诉 ${p.reference} 有新的临时救济申请待处理。`,
  INTERIM_RELIEF_GRANTED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：已准予临时救济，您的健康码将临时改为${ZH_COLOURS[p.colour ?? ''] ?? ''}，至作出决定时止，最迟至 ${p.expiresAt}。`,
  INTERIM_RELIEF_REFUSED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：临时救济申请未获准予，理由请登录查看。申诉继续办理。`,
  INTERIM_RELIEF_CONFIRMED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：赋码省份已确认临时更正您的健康码（${p.confirmedAt}）。`,
  INTERIM_RELIEF_PERMANENT: (p) => `【健康码申诉】申诉 ${p.reference}：决定已更正您的健康码，临时救济转为正式更正。`,
  INTERIM_RELIEF_REVERTED: (p) =>
    `【健康码申诉】申诉 ${p.reference}：因${ZH_REVERT_CAUSES[p.cause ?? ''] ?? '临时救济结束'}，临时更正已撤销，健康码恢复原颜色。可登录查看。`,
  INTERIM_RELIEF_EXPIRED: (p) =>
    `【健康码申诉】申诉 ${p.reference} 的临时救济已到期而尚未作出决定，临时更正已撤销，请督办。`,
};

const EN: Texts = {
  SIGN_IN_CODE: (p) => `[Health code appeals] Your sign-in code is ${p.code}, valid for 5 minutes. Never share it.`,
  STATUS_CODE: (p) =>
    `[Health code appeals] Code ${p.code} to check the progress of appeal ${p.reference}, valid for 5 minutes. Ignore this if it was not you.`,
  CASE_FILED: (p) =>
    `[Health code appeals] Your appeal ${p.reference} was accepted; a decision is due by ${p.dueAt}. Check its progress with the reference.`,
  INFORMATION_REQUESTED: (p) =>
    `[Health code appeals] Appeal ${p.reference} needs more material from you: sign in and reply by ${p.replyDueAt}.`,
  CITIZEN_REPLIED: (p) => `[Health code appeals] The applicant replied on appeal ${p.reference}.`,
  CASE_DECIDED: (p) =>
    `[Health code appeals] Appeal ${p.reference} has been decided: sign in to read it. You may ask for a second review within 15 days.`,
  DEADLINE_OVERDUE: (p) =>
    `[Health code appeals] Appeal ${p.reference} is past its deadline and was reported to supervision.`,
  SECOND_REVIEW_REQUESTED: (p) => `[Health code appeals] A second review of appeal ${p.reference} was requested.`,
  SECOND_REVIEW_DECIDED: (p) =>
    `[Health code appeals] The second review of appeal ${p.reference} has been decided: sign in to read it.`,
  CASE_TRANSFERRED_IN: (p) => `[Health code appeals] Appeal ${p.reference} was transferred to this province.`,
  DATA_REQUEST_FILED: () => `[Health code appeals] A new personal-data request is waiting to be answered.`,
  DATA_REQUEST_ANSWERED: () =>
    `[Health code appeals] Your personal-data request has been answered: sign in and open "My personal data".`,
  CORRECTION_CONFIRMED: (p) =>
    `[Health code appeals] Appeal ${p.reference}: the issuing province confirmed it corrected your health code as decided (${p.confirmedAt}). Sign in to see it.`,
  INTERIM_RELIEF_REQUESTED: (p) =>
    `[Health code appeals] Appeal ${p.reference} has a new interim relief request waiting to be answered.`,
  INTERIM_RELIEF_GRANTED: (p) =>
    `[Health code appeals] Appeal ${p.reference}: interim relief granted. Your code will be ${EN_COLOURS[p.colour ?? ''] ?? 'changed'} until the decision, at the latest until ${p.expiresAt}.`,
  INTERIM_RELIEF_REFUSED: (p) =>
    `[Health code appeals] Appeal ${p.reference}: interim relief was refused; sign in to read why. Your appeal goes on.`,
  INTERIM_RELIEF_CONFIRMED: (p) =>
    `[Health code appeals] Appeal ${p.reference}: the issuing province confirmed the temporary change of your code (${p.confirmedAt}).`,
  INTERIM_RELIEF_PERMANENT: (p) =>
    `[Health code appeals] Appeal ${p.reference}: the decision corrected your code; the interim relief is now permanent.`,
  INTERIM_RELIEF_REVERTED: (p) =>
    `[Health code appeals] Appeal ${p.reference}: the temporary change of your code was undone because ${EN_REVERT_CAUSES[p.cause ?? ''] ?? 'the relief ended'}. Sign in to see it.`,
  INTERIM_RELIEF_EXPIRED: (p) =>
    `[Health code appeals] Interim relief on appeal ${p.reference} ran out before a decision and was undone: please follow up.`,
};

const TEXTS: Record<SmsLocale, Texts> = { 'zh-CN': ZH, en: EN };

export function renderSmsText(kind: SmsKind, params: Params, locale: SmsLocale = 'zh-CN'): string {
  return TEXTS[locale][kind](params);
}
