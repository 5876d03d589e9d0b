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
  // The province whose pool holds the case; the case's rows follow it (foreign keys with ON UPDATE CASCADE).
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

  // The audit chains: a province code or `national`, so each province's chain sits with its cases.
  audit_event: byChain,
  audit_chain_head: byChain,

  division: reference,
  reason_catalogue_version: reference,
  reason: reference,
  calendar_version: reference,
  calendar_day: reference,
  deadline_policy: reference,
  incident_policy: reference,
  province_system: reference,
  // A few keys per province, read on every API call from whichever node serves it; written when an administrator
  // issues, rotates or revokes a key, and last_used_at at most once per resolution window.
  api_key: reference,
  // One row (the analytics refresh watermark), written once per refresh run: not worth a shard of its own.
  supervision_stats_refresh: reference,
  // One row per scheduled job, claimed once per slot: tiny, written a few times a minute.
  job_run: reference,

  app_user: {
    ...ownKey('id'),
    exemptUniqueKeys: {
      app_user_username_key: 'staff usernames move to a lookup table distributed by username before the move to Citus',
      app_user_mobile_key:
        'citizen mobile numbers move to a lookup table distributed by mobile before the move to Citus',
    },
  },
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

/** The column a table is sharded by, or null for a reference table. */
export function distributionColumnOf(placement: Placement): string | null {
  return placement.kind === 'reference' ? null : placement.column;
}
