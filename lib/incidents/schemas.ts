// The group finding's payload (SPEC §16), browser-safe: imported by the incident page's form and its server action.
// The finding's fields are the first-level decision's own (decideSchema), so the rules of a decision are written once.
import { z } from 'zod';
import { decideSchema } from '@/lib/cases/forms/schemas';

/** More than a province has ever seen in one incident (Zhengzhou: 1,317), small enough for one transaction. */
export const MAX_GROUP_CASES = 5000;

export const incidentKeySchema = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/),
  incidentId: z.uuid(),
});

const caseIds = z
  .array(z.uuid({ error: 'incidents.errors.selection' }), { error: 'incidents.errors.selection' })
  .min(1, { error: 'incidents.errors.selectionEmpty' })
  .max(MAX_GROUP_CASES, { error: 'incidents.errors.selectionTooLarge' });

export const decideIncidentSchema = decideSchema.omit({ caseId: true, expectedVersion: true }).extend({
  provinceCode: incidentKeySchema.shape.provinceCode,
  incidentId: incidentKeySchema.shape.incidentId,
  caseIds,
});

/** Group interim relief (SPEC §15, §16): the cases, the temporary colour and the supervisor's reason. */
export const incidentReliefSchema = z.strictObject({
  provinceCode: incidentKeySchema.shape.provinceCode,
  incidentId: incidentKeySchema.shape.incidentId,
  caseIds,
  toColour: z.enum(['GREEN', 'YELLOW'], { error: 'incidents.errors.reliefColour' }),
  reason: z
    .string({ error: 'incidents.errors.reliefReasonTooShort' })
    .trim()
    .min(10, { error: 'incidents.errors.reliefReasonTooShort' })
    .max(1000, { error: 'incidents.errors.reliefReasonTooLong' }),
});

export type IncidentReliefInput = z.output<typeof incidentReliefSchema>;

export type DecideIncidentInput = z.output<typeof decideIncidentSchema>;

/** Closing a handled incident (SPEC §16): the supervisor's reason, and the version their page showed. */
export const closeIncidentSchema = z.strictObject({
  provinceCode: incidentKeySchema.shape.provinceCode,
  incidentId: incidentKeySchema.shape.incidentId,
  expectedVersion: z.number({ error: 'incidents.errors.version' }).int({ error: 'incidents.errors.version' }).min(1, {
    error: 'incidents.errors.version',
  }),
  reason: z
    .string({ error: 'incidents.errors.closeReasonTooShort' })
    .trim()
    .min(10, { error: 'incidents.errors.closeReasonTooShort' })
    .max(1000, { error: 'incidents.errors.closeReasonTooLong' }),
});

export type CloseIncidentInput = z.output<typeof closeIncidentSchema>;
