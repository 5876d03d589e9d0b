// The payloads of outbox events (SPEC §5, §9), one schema each, shared by the code that writes them in the transaction
// of a change (engine/correction-order.ts, queue-status-change.ts) and the code that reads them (delivery,
// confirmation, effectuation, the webhook schemas of the OpenAPI document). Browser-safe.
import { z } from 'zod';
import { CaseState, CodeColour } from '@/lib/db/generated/enums';
import { RELIEF_END_CAUSES, RELIEF_ORDER_ACTIONS } from '@/lib/cases/rules/interim-relief';

/** An ISO 8601 date-time with a zone, as every time of the integration API is written. */
export function timestamp(description: string) {
  return z.iso
    .datetime({
      offset: true,
      error: 'Expected an ISO 8601 date-time with a time zone, e.g. 2026-11-27T08:30:00+08:00.',
    })
    .meta({ description, examples: ['2026-11-27T08:30:00+08:00'] });
}

/** What the issuing (or refusing) province's system must change: a CORRECTION_ORDER outbox event. */
export const correctionOrderPayloadSchema = z.object({
  reference: z.string(),
  decisionId: z.uuid(),
  issuingUnitCode: z.string().regex(/^\d{6}$/),
  fromColour: z.enum(CodeColour),
  toColour: z.enum(CodeColour),
  codeAssignedAt: timestamp('When the disputed code was assigned.'),
  orderedAt: timestamp('When the decision was made.'),
});
export type CorrectionOrderPayload = z.output<typeof correctionOrderPayloadSchema>;

/** A case changed state: a STATUS_CHANGED outbox event for the issuing province's system. */
export const statusChangedPayloadSchema = z.object({
  reference: z.string(),
  previousState: z.enum(CaseState),
  state: z.enum(CaseState),
  changedAt: timestamp('When the case changed state.'),
  sequence: z
    .number()
    .int()
    .positive()
    .meta({
      description:
        'Per-case order of the changes: higher is later (gaps are normal). Webhooks can arrive out of order; apply a ' +
        'change only if its sequence is higher than the last one applied for the case.',
    }),
});
export type StatusChangedPayload = z.output<typeof statusChangedPayloadSchema>;

/**
 * Interim relief (SPEC §15): an INTERIM_RELIEF_ORDER outbox event. GRANT changes the code to `toColour` until the
 * decision, at most until `expiresAt`; REVERT puts back `toColour` (the colour before the relief) because the decision
 * kept the code, the appeal was withdrawn or the relief expired; MAKE_PERMANENT says the temporary colour no longer
 * expires: the decision corrected the code (its CORRECTION_ORDER, `decisionId`, names the final colour).
 */
export const interimReliefOrderPayloadSchema = z.object({
  reference: z.string(),
  reliefId: z.uuid(),
  action: z.enum(RELIEF_ORDER_ACTIONS),
  issuingUnitCode: z.string().regex(/^\d{6}$/),
  fromColour: z.enum(CodeColour),
  toColour: z.enum(CodeColour),
  codeAssignedAt: timestamp('When the disputed code was assigned.'),
  orderedAt: timestamp('When the relief was granted, reverted or made permanent.'),
  expiresAt: timestamp('GRANT: when the temporary colour ends unless the decision comes first.').nullable(),
  cause: z
    .enum(RELIEF_END_CAUSES)
    .nullable()
    .meta({ description: 'REVERT and MAKE_PERMANENT: why the temporary correction ended; null for GRANT.' }),
  decisionId: z.uuid().nullable().meta({ description: 'The decision that ended the relief, when one did.' }),
});
export type InterimReliefOrderPayload = z.output<typeof interimReliefOrderPayloadSchema>;

const targetColour = correctionOrderPayloadSchema.pick({ toColour: true });

/**
 * The colour a stored correction order asks for (GREEN for REVOKED, YELLOW for DOWNGRADED; an interim relief order's
 * `toColour`); null if it does not say.
 */
export function targetColourOf(order: { payload: unknown }): CodeColour | null {
  const parsed = targetColour.safeParse(order.payload);
  return parsed.success ? parsed.data.toColour : null;
}
