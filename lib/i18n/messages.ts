// The message catalogue per language, merged from one file per area (core, citizen, reviewer, supervisor, admin),
// so each area's screens keep their texts in their own file. Top-level namespaces never repeat across files.
import enAdmin from './messages/en/admin.json';
import enAudit from './messages/en/audit.json';
import enCitizen from './messages/en/citizen.json';
import enCore from './messages/en/core.json';
import enIntegration from './messages/en/integration.json';
import enIncidents from './messages/en/incidents.json';
import enPrivacy from './messages/en/privacy.json';
import enReviewer from './messages/en/reviewer.json';
import enSupervisor from './messages/en/supervisor.json';
import zhAdmin from './messages/zh-CN/admin.json';
import zhAudit from './messages/zh-CN/audit.json';
import zhCitizen from './messages/zh-CN/citizen.json';
import zhCore from './messages/zh-CN/core.json';
import zhIntegration from './messages/zh-CN/integration.json';
import zhIncidents from './messages/zh-CN/incidents.json';
import zhPrivacy from './messages/zh-CN/privacy.json';
import zhReviewer from './messages/zh-CN/reviewer.json';
import zhSupervisor from './messages/zh-CN/supervisor.json';
import { createTranslator } from 'use-intl/core';
import type { Locale } from './config';

type Messages = Record<string, unknown>;

export const MESSAGE_AREAS: Record<Locale, Record<string, Messages>> = {
  'zh-CN': {
    core: zhCore,
    citizen: zhCitizen,
    reviewer: zhReviewer,
    supervisor: zhSupervisor,
    admin: zhAdmin,
    privacy: zhPrivacy,
    audit: zhAudit,
    integration: zhIntegration,
    incidents: zhIncidents,
  },
  en: {
    core: enCore,
    citizen: enCitizen,
    reviewer: enReviewer,
    supervisor: enSupervisor,
    admin: enAdmin,
    privacy: enPrivacy,
    audit: enAudit,
    integration: enIntegration,
    incidents: enIncidents,
  },
};

export function messagesFor(locale: Locale): Messages {
  return Object.assign({}, ...Object.values(MESSAGE_AREAS[locale])) as Messages;
}

/** Every message of a language by its dotted key (`errors.caseNotFound` → text). */
export function flatMessages(locale: Locale): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') flat[prefix] = value;
    else for (const [key, child] of Object.entries(value as Messages)) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(messagesFor(locale), '');
  return flat;
}

const english = createTranslator({ locale: 'en', messages: messagesFor('en') });

/** A message in English, for machine clients (the integration API answers in English). */
export function englishMessage(key: string, values?: Readonly<Record<string, string | number>>): string {
  return english(key as never, values as never);
}
