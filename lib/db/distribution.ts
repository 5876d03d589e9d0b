// Where every table goes on a distributed PostgreSQL (Citus, docs/scaling.md): the one classification of the schema.
// test/db/distribution.test.ts fails when a table of the migrated database is missing here (or listed but gone), and
// when a key or foreign key breaks Citus's rules for the placement given here.

export type Placement =
  /** Case data, sharded by a column whose value is a province code (or `national` for the audit chain). */
  | { kind: 'distributed'; column: 'province_code' | 'chain' }
  /** Copied to every node: small, read everywhere, written rarely. */
  | { kind: 'reference' }
  /**
   * Not case data: sharded by its own key, never joined with case tables on one shard. `exemptUniqueKeys` names unique
   * keys that still break the rule, each with what must happen to it before the move (the test checks they exist).
   */
  | { kind: 'distributed-by-own-key'; column: string; exemptUniqueKeys?: Readonly<Record<string, string>> };

export type DistributionMap = Readonly<Record<string, Placement>>;

const byProvince = { kind: 'distributed', column: 'province_code' } as const;
const byChain = { kind: 'distributed', column: 'chain' } as const;
const reference = { kind: 'reference' } as const;
const ownKey = (column: string) => ({ kind: 'distributed-by-own-key', column }) as const;

export const DISTRIBUTION: DistributionMap = {
  // The province whose pool holds the case; a transfer moves the case's rows to the new province
  // (lib/cases/engine/move-case.ts).
  appeal_case: byProvince,
  evidence: byProvince,
  information_request: byProvince,
  decision: byProvince,
  case_exclusion: byProvince,
  notification: byProvince,
  data_rights_request: byProvince,
  interim_relief: byProvince,
  // Mass incidents (SPEC §16) sit with their cases: an incident's cases are all in the province holding it.
  mass_incident: byProvince,
  case_incident: byProvince,
  // Filings per unit, reason and hour, counted by each filing on its case's shard (incident detection).
  incident_filing_count: byProvince,
  // The province whose health-code system pushed the assignment, or to which the event and its deliveries are
  // addressed: not necessarily the province holding the case, so these have no foreign key to appeal_case.
  code_assignment: byProvince,
  outbox_event: byProvince,
  webhook_delivery: byProvince,
  // One counter per province and day; statistics per province and day.
  reference_counter: byProvince,
  supervision_daily_stat: byProvince,
  // Cases per province and state (the triggers on appeal_case write the deltas on the case's own shard).
  case_state_count: byProvince,
  case_state_delta: byProvince,
  case_deadline_count: byProvince,
  case_deadline_delta: byProvince,
  reviewer_deadline_count: byProvince,
  reviewer_deadline_delta: byProvince,
  // A reviewer's load in one province's cases: locked and written by every assignment on the case's own shard.
  reviewer_load: byProvince,

  // The audit chains: a province code or `national`, so each province's chain sits with its cases.
  audit_event: byChain,
  audit_chain_head: byChain,

  division: reference,
  reason_catalogue_version: reference,
  reason: reference,
  calendar_version: reference,
  calendar_day: reference,
  deadline_policy: reference,
  // Configuration, not case data: a few versioned rows, read by every code appeal's filing (incident detection, on the
  // case's shard) and written when a policy is published. Its province_code is NULL for the national default, which a
  // distribution column cannot hold (Citus refuses NULL there), and one province's filing reads that row too.
  incident_policy: reference,
  province_system: reference,
  // A few keys per province, read on every API call from whichever node serves it; written when an administrator
  // issues, rotates or revokes a key, and last_used_at at most once per resolution window.
  api_key: reference,
  // One row (the analytics refresh watermark), written once per refresh run: not worth a shard of its own.
  supervision_stats_refresh: reference,
  // One row per scheduled job, claimed once per slot: tiny, written a few times a minute.
  job_run: reference,

  // Staff and citizens (docs/scaling.md, "Where staff and citizens live"): a copy on every node keeps the joins of case
  // data with its reviewer or citizen on one shard, and unique usernames and mobile numbers need no lookup tables.
  app_user: reference,
  session: ownKey('id'),
  staff_lockout: ownKey('user_id'),
  recovery_code: ownKey('id'),
  otp_challenge: ownKey('id'),
  sms_message: ownKey('id'),
  sms_delivery: ownKey('id'),
  rate_limit: ownKey('key'),
  api_request_nonce: ownKey('signature'),
  // The filing's idempotency key: global, because the filing's content (not the key) decides its province.
  filing_idempotency_key: ownKey('key'),
};

/**
 * Triggers that may stay on distributed tables (Citus accepts them with citus.enable_unsafe_triggers): each writes only
 * rows of the same distribution key on the same shard, or only refuses. Any other trigger on a distributed or reference
 * table fails the distribution test and makes `npm run db:distribute` refuse, naming it.
 */
export const ALLOWED_TRIGGERS: Readonly<Record<string, string>> = {
  'appeal_case.appeal_case_count_states_insert_delete':
    "appends to case_state_delta with the row's own province_code (colocated shard)",
  'appeal_case.appeal_case_count_states_update': 'appends to case_state_delta with the old and new province_code',
  'appeal_case.appeal_case_count_deadlines_insert_delete':
    "appends to case_deadline_delta and reviewer_deadline_delta with the row's own province_code (colocated shard)",
  'appeal_case.appeal_case_count_deadlines_update':
    'appends to case_deadline_delta and reviewer_deadline_delta with the old and new province_code',
  'audit_event.audit_event_no_update_delete': 'refuses the change (append-only history)',
  'audit_event.audit_event_no_truncate': 'refuses the truncation (append-only history)',
};

/**
 * The colocation groups, each named by its anchor table: the case data (distributed by province_code) and the audit
 * chains (distributed by chain). Two groups, not one: audit_append runs as the owner role (SECURITY DEFINER, least
 * privilege), and Citus refuses a second role on shards colocated with ones the transaction already changed as the
 * runtime role. Both groups have SHARD_COUNT shards over the same hash ranges, so a province's chain hashes to the
 * shard index of its cases; isolating a province isolates it in both groups (docs/scaling.md).
 */
export const COLOCATION_ANCHORS: Readonly<Record<'province_code' | 'chain', string>> = {
  province_code: 'appeal_case',
  chain: 'audit_event',
};

/**
 * Shards per colocation group. No shard count short of 454 hashes the 31 provinces and `national` into shards of
 * their own, so a province that must sit on its own node gets its own shard by tenant isolation instead
 * (`npm run db:distribute -- --isolate 41`, isolate_tenant_to_new_shard), which citus_move_shard_placement can then
 * move to any node (data residency, docs/scaling.md).
 */
export const SHARD_COUNT = 32;

/** The column a table is sharded by, or null for a reference table. */
export function distributionColumnOf(placement: Placement): string | null {
  return placement.kind === 'reference' ? null : placement.column;
}
