// The zod schemas of the integration API (SPEC §9): they validate requests, describe responses and webhooks, and the
// OpenAPI document is generated from them (openapi.ts), so the documentation cannot drift from what is enforced.
// Browser-safe; administrators' forms for keys and webhooks use the admin schemas at the end.
import { z } from 'zod';
import {
  correctionOrderPayloadSchema,
  interimReliefOrderPayloadSchema,
  statusChangedPayloadSchema,
  timestamp,
} from './outbox-payloads';
import { RELIEF_END_CAUSES, RELIEF_STATUSES } from '@/lib/cases/rules/interim-relief';
import { MOBILE_PATTERN } from '@/lib/auth/mobile';
import { EARLIEST_CODE_ASSIGNED_AT } from '@/lib/cases/forms/schemas';
import { CaseState, CaseType, CodeColour, DecisionLevel, DecisionOutcome, OutboxKind } from '@/lib/db/generated/enums';

const RECORD_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PSEUDONYM = /^[A-Za-z0-9._:+/=-]{8,128}$/;
const REASON_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const UNIT_CODE = /^\d{6}$/;
const PROVINCE_CODE = /^\d{2}$/;
export const REFERENCE_PATTERN = /^SS-\d{2}-\d{8}-\d{6}$/;
/** Clocks of provincial systems may run a little ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Resident ID numbers (18 or legacy 15 characters) and mobile numbers are refused as pseudonyms (SPEC §10). */
function looksLikePersonalNumber(value: string): boolean {
  return /^\d{17}[\dXx]$/.test(value) || /^\d{15}$/.test(value) || MOBILE_PATTERN.test(value);
}

const pastTimestamp = (description: string) =>
  timestamp(description)
    .refine((value) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS, 'Must not be in the future.')
    .refine((value) => Date.parse(value) >= EARLIEST_CODE_ASSIGNED_AT.getTime(), 'Must not be before 2020-02-01.');

function strictBody<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'Unknown field.' : 'Expected a JSON object.'),
  });
}

// ───────────────────────────── requests

export const codeAssignmentSchema = strictBody({
  recordId: z
    .string()
    .regex(RECORD_ID, 'Use 1–128 characters: letters, digits, . _ : -')
    .meta({
      description: "The province system's own id of this assignment; pushing the same id again updates it.",
      examples: ['AH-2026-000001'],
    }),
  personPseudonym: z
    .string()
    .regex(PSEUDONYM, 'Use 8–128 characters: letters, digits, . _ : + / = -')
    .refine((value) => !looksLikePersonalNumber(value), 'Must be a pseudonym, never an ID number or a mobile number.')
    .meta({
      description: "The province's opaque pseudonym of the person. Never an ID number or a mobile number.",
      examples: ['p_9f3c2a71d4e8b605'],
    }),
  colour: z.enum(CodeColour).meta({ description: 'The colour assigned.' }),
  reasonCode: z
    .string()
    .regex(REASON_CODE, 'Use a reason code of the national catalogue.')
    .meta({ description: 'Reason code of the national reason catalogue (SPEC §3).', examples: ['CLOSE_CONTACT'] }),
  assignedAt: pastTimestamp('When the code was assigned.'),
  issuingUnitCode: z
    .string()
    .regex(UNIT_CODE, 'Expected a six-digit GB/T 2260 code.')
    .meta({
      description: "City or county (GB/T 2260) that assigned the code; must belong to the key's province.",
      examples: ['340100'],
    }),
});

export const correctionConfirmationSchema = strictBody({
  appliedAt: pastTimestamp('When the province system applied the change to the code.'),
  colour: z.enum(CodeColour).meta({
    description:
      "The colour the code now has; must be the order's target colour (RED or YELLOW only for an interim relief REVERT).",
  }),
});

export const orderParamsSchema = z.strictObject({
  orderId: z.uuid().meta({ description: 'The correction order id (the X-Event-Id of the CORRECTION_ORDER webhook).' }),
});

export const caseParamsSchema = z.strictObject({
  reference: z
    .string()
    .regex(REFERENCE_PATTERN)
    .meta({ description: 'Case reference number.', examples: ['SS-34-20261127-000123'] }),
});

export type CodeAssignmentInput = z.output<typeof codeAssignmentSchema>;
export type CorrectionConfirmationInput = z.output<typeof correctionConfirmationSchema>;

// ───────────────────────────── responses

export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. SIGNATURE_INVALID, VALIDATION_FAILED.' }),
    message: z.string(),
    details: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Field path → problem, for VALIDATION_FAILED.' }),
  }),
});

export const codeAssignmentResultSchema = z.object({
  id: z.uuid(),
  recordId: z.string(),
  status: z.enum(['created', 'updated', 'unchanged']),
  receivedAt: timestamp('When the assignment was first received.'),
  updatedAt: timestamp('When it last changed.'),
});

export const confirmationResultSchema = z.object({
  orderId: z.uuid(),
  reference: z.string(),
  confirmedAt: timestamp('When the confirmation was recorded (first confirmation wins).'),
  alreadyConfirmed: z
    .boolean()
    .meta({ description: 'true when this order had been confirmed before; nothing changed.' }),
});

const correctionSummarySchema = z.object({
  orderId: z.uuid(),
  toColour: z.enum(CodeColour),
  orderedAt: timestamp('When the decision ordered the correction.'),
  sentAt: timestamp('When the order reached the province system.').nullable(),
  confirmedAt: timestamp('When the province system confirmed it.').nullable(),
});

const interimReliefSummarySchema = z.object({
  status: z.enum(RELIEF_STATUSES),
  toColour: z.enum(CodeColour).nullable().meta({ description: 'The temporary colour, once granted.' }),
  grantedAt: timestamp('When it was granted.').nullable(),
  automatic: z.boolean().meta({ description: 'Granted by the system at once (prima facie overreach).' }),
  expiresAt: timestamp('When the temporary colour ends unless the decision comes first.').nullable(),
  orderId: z.uuid().nullable().meta({ description: 'The GRANT order (webhook INTERIM_RELIEF_ORDER).' }),
  confirmedAt: timestamp('When the province system confirmed the GRANT order.').nullable(),
  endedAt: timestamp('When the relief ended.').nullable(),
  endCause: z.enum(RELIEF_END_CAUSES).nullable(),
  revertOrderId: z.uuid().nullable().meta({ description: 'The REVERT order, when the relief was reverted.' }),
  revertConfirmedAt: timestamp('When the province system confirmed the REVERT order.').nullable(),
});

export const caseStatusSchema = z.object({
  reference: z.string(),
  type: z.enum(CaseType),
  state: z.enum(CaseState),
  provinceCode: z.string().regex(PROVINCE_CODE).meta({ description: 'Province whose reviewers hold the case.' }),
  issuingProvinceCode: z.string().regex(PROVINCE_CODE),
  filedAt: timestamp('When the appeal was filed.'),
  dueAt: timestamp('Deadline of the current stage.'),
  decision: z
    .object({
      level: z.enum(DecisionLevel),
      outcome: z.enum(DecisionOutcome),
      decidedAt: timestamp('When it was decided.'),
    })
    .nullable()
    .meta({ description: 'The decision in force (a second-level decision supersedes the first).' }),
  correction: correctionSummarySchema
    .nullable()
    .meta({ description: 'The latest correction order, if the decision ordered one.' }),
  interimRelief: interimReliefSummarySchema.nullable().meta({
    description: 'The latest interim relief asked for on the case (SPEC §15), without the citizen’s reasons.',
  }),
});

// ───────────────────────────── webhooks (outbound)

const webhookEnvelope = <Kind extends OutboxKind, Data extends z.ZodType>(kind: Kind, data: Data) =>
  z.object({
    id: z
      .uuid()
      .meta({ description: 'Event id, also sent as X-Event-Id: de-duplicate on it (delivery is at least once).' }),
    type: z.literal(kind),
    provinceCode: z.string().regex(PROVINCE_CODE),
    createdAt: timestamp('When the event was recorded.'),
    data,
  });

export const correctionOrderWebhookSchema = webhookEnvelope(
  OutboxKind.CORRECTION_ORDER,
  z.object({
    orderId: z.uuid().meta({ description: 'Confirm with POST /api/v1/corrections/{orderId}/confirmation.' }),
    ...correctionOrderPayloadSchema.shape,
    codeAssignment: z
      .object({ recordId: z.string(), personPseudonym: z.string() })
      .nullable()
      .meta({ description: "The province's own code assignment the appeal matched, when one did." }),
  }),
);

export const interimReliefOrderWebhookSchema = webhookEnvelope(
  OutboxKind.INTERIM_RELIEF_ORDER,
  z.object({
    orderId: z.uuid().meta({
      description: 'GRANT and REVERT change the code: confirm with POST /api/v1/corrections/{orderId}/confirmation.',
    }),
    ...interimReliefOrderPayloadSchema.shape,
    codeAssignment: z
      .object({ recordId: z.string(), personPseudonym: z.string() })
      .nullable()
      .meta({ description: "The province's own code assignment the appeal matched, when one did." }),
  }),
);

export const statusChangedWebhookSchema = webhookEnvelope(OutboxKind.STATUS_CHANGED, statusChangedPayloadSchema);

export const auditCheckpointWebhookSchema = webhookEnvelope(
  OutboxKind.AUDIT_CHECKPOINT,
  z.object({
    chain: z.string().meta({ description: "The audit chain: this province's code, or `national`." }),
    seq: z.string().regex(/^\d+$/).meta({ description: 'Number of events in the chain when signed.' }),
    headHash: z.string().regex(/^[0-9a-f]{64}$/),
    at: timestamp('When the checkpoint was signed.'),
    previous: z
      .string()
      .nullable()
      .meta({ description: "Id of the chain's previous checkpoint (SHA-256 of its signed text)." }),
    keyId: z.string(),
    signature: z.string().meta({ description: 'Ed25519 signature, base64 (docs/audit.md gives the signed text).' }),
    publicKey: z.string().meta({ description: 'The Ed25519 public key, base64 of its 32 bytes.' }),
  }),
);

// ───────────────────────────── administration (lib functions; the admin UI uses these too)
// Their messages are keys under `integration.errors` (lib/i18n/messages/*/integration.json), shown beside the field.

const provinceCodeField = z.string().regex(PROVINCE_CODE, 'integration.errors.provinceUnknown');
const keyIdField = z.string().min(1, 'integration.errors.keyUnknown').max(64, 'integration.errors.keyUnknown');

export const provinceSystemSchema = z.strictObject({
  provinceCode: provinceCodeField,
  name: z.string().trim().min(1, 'integration.errors.nameRequired').max(100, 'integration.errors.nameTooLong'),
  /** null (or '') removes the webhook: events then wait, undelivered, until one is configured. */
  webhookUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'integration.errors.webhookUrlInvalid' })])
    .nullish()
    .refine((value) => !value || value.length <= 2000, 'integration.errors.webhookUrlInvalid')
    .transform((value) => value || null),
});

export const createApiKeySchema = z.strictObject({
  provinceCode: provinceCodeField,
  name: z.string().trim().min(1, 'integration.errors.nameRequired').max(100, 'integration.errors.nameTooLong'),
  rateLimitPerMinute: z
    .number('integration.errors.rateLimitInvalid')
    .int('integration.errors.rateLimitInvalid')
    .min(1, 'integration.errors.rateLimitInvalid')
    .max(100_000, 'integration.errors.rateLimitInvalid')
    .optional(),
});

/** The longest overlap of a rotation: 7 days. */
export const MAX_OVERLAP_MINUTES = 7 * 24 * 60;

export const rotateApiKeySchema = z.strictObject({
  keyId: keyIdField,
  /** How long the old key keeps working, so the province can switch over (0 = at once; at most 7 days). */
  overlapMinutes: z
    .number('integration.errors.overlapInvalid')
    .int('integration.errors.overlapInvalid')
    .min(0, 'integration.errors.overlapInvalid')
    .max(MAX_OVERLAP_MINUTES, 'integration.errors.overlapInvalid')
    .default(24 * 60),
});

export const revokeApiKeySchema = z.strictObject({ keyId: keyIdField });

export const provinceOnlySchema = z.strictObject({ provinceCode: provinceCodeField });

export const replayDeliverySchema = z.strictObject({
  provinceCode: provinceCodeField,
  outboxEventId: z.uuid('integration.errors.eventUnknown'),
});

/** `delivered`: attempts the receiver answered 2xx; `failed`: the others. */
export const DELIVERY_RESULTS = ['delivered', 'failed'] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];
/** A calendar date written YYYY-MM-DD that exists (not 2026-13-01 nor 2026-02-30). */
const day = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'integration.errors.dayInvalid')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, 'integration.errors.dayInvalid');

/** The delivery log's filters (query string of the page, options of the command): days are Asia/Shanghai dates. */
export const deliveryLogFilterSchema = z.strictObject({
  provinceCode: provinceCodeField,
  result: z.enum(DELIVERY_RESULTS, 'integration.errors.filterInvalid').optional(),
  kind: z.enum(OutboxKind, 'integration.errors.filterInvalid').optional(),
  from: day().optional(),
  to: day().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type DeliveryLogFilter = z.input<typeof deliveryLogFilterSchema>;
