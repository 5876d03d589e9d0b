// An audit event as a sentence in the reader's language ("周立新 将案件改派给 李娜，理由：…"): who did what to whom,
// with names instead of ids and labels instead of codes. The audit page, the case page and the CSV export all say it
// this way (SPEC §8, §12, §13).

/** A root translator (full message keys); `has` tells whether a key exists (next-intl's translators have it). */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has?: (key: string) => boolean;
};

const exists = (t: Translate, key: string) => t.has?.(key) ?? true;

/** What an event is about, with the ids of its before/after summaries resolved to names. */
export interface AuditSubjects {
  assignee: string | null;
  previousAssignee: string | null;
  fromProvince: string | null;
  toProvince: string | null;
  /** A decision outcome code (UPHELD, DOWNGRADED, REVOKED) when the event records one. */
  outcome: string | null;
}

export interface AuditEventFacts {
  action: string;
  actorRole: string;
  /** Staff only; citizens and machines are named by their role. */
  actorName: string | null;
  reason: string | null;
  subjects: AuditSubjects;
}

/** An audit event as the supervisor's lists show it (the audit page, a case's history): its place in its chain and its facts. */
export interface AuditEventView extends AuditEventFacts {
  chain: string;
  /** Sequence number in its chain (a string: bigints do not cross to the browser). */
  seq: string;
  occurredAt: Date;
  caseReference?: string | null;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The user and province ids an event's summaries mention, to be looked up in one query each. */
export function auditReferencedIds(events: readonly { before: unknown; after: unknown }[]): {
  userIds: string[];
  provinceCodes: string[];
} {
  const userIds = new Set<string>();
  const provinceCodes = new Set<string>();
  for (const event of events) {
    for (const side of [record(event.before), record(event.after)]) {
      const assignee = text(side.assigneeId);
      if (assignee) userIds.add(assignee);
      const province = text(side.provinceCode);
      if (province && /^\d{2}$/.test(province)) provinceCodes.add(province);
    }
  }
  return { userIds: [...userIds], provinceCodes: [...provinceCodes] };
}

export function auditSubjects(
  before: unknown,
  after: unknown,
  people: ReadonlyMap<string, string>,
  provinces: ReadonlyMap<string, string>,
): AuditSubjects {
  const b = record(before);
  const a = record(after);
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const province = (code: string | null) => (code ? (provinces.get(code) ?? code) : null);
  return {
    assignee: person(text(a.assigneeId)),
    previousAssignee: person(text(b.assigneeId)),
    fromProvince: 'provinceCode' in a ? province(text(b.provinceCode)) : null,
    toProvince: province(text(a.provinceCode)),
    outcome: text(a.outcome),
  };
}

/** The label of an action (never its message key: an unknown action shows as itself). */
export function auditActionLabel(action: string, t: Translate): string {
  const key = `supervise.audit.actions.${action}`;
  return exists(t, key) ? t(key) : action;
}

export function auditActorLabel(event: Pick<AuditEventFacts, 'actorRole' | 'actorName'>, t: Translate): string {
  return event.actorName ?? t(`supervise.audit.actorRoles.${event.actorRole}`);
}

/** Actions with a sentence of their own name whom and what; the others read "{actor}：{action}". */
export function auditSentence(event: AuditEventFacts, t: Translate): string {
  const { subjects } = event;
  const values = {
    actor: auditActorLabel(event, t),
    action: auditActionLabel(event.action, t),
    assignee: subjects.assignee ?? t('supervise.audit.nobody'),
    previous: subjects.previousAssignee ?? t('supervise.audit.nobody'),
    from: subjects.fromProvince ?? '—',
    to: subjects.toProvince ?? '—',
    outcome: subjects.outcome ? t(`supervise.outcomes.${subjects.outcome}`) : '—',
  };
  const unassigned = event.action === 'CASE_REASSIGNED' && !subjects.assignee;
  const own = `supervise.audit.sentences.${unassigned ? 'CASE_REASSIGNED_TO_POOL' : event.action}`;
  const key = exists(t, own) ? own : 'supervise.audit.sentences.other';
  const sentence = t(key, values);
  return event.reason ? `${sentence}${t('supervise.audit.sentenceReason', { reason: event.reason })}` : sentence;
}
