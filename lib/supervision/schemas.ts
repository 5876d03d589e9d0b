// The supervision forms and filters, parsed once here and used by the pages, the server actions and the CSV export.
// Strict: a scope, province or role smuggled into a body is refused, never trusted.
import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import { isDateText } from './periods';

const uuid = z.uuid('supervise.errors.invalid');
const provinceCode = z.string().regex(/^\d{2}$/, 'supervise.errors.invalid');
const dateText = z.string().refine(isDateText, 'supervise.errors.dateInvalid');
/** Optional filter fields arrive as '' from empty form inputs. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'supervise.errors.unknownField' : 'supervise.errors.invalid',
  });
}

export const reassignCaseSchema = strict({
  caseId: uuid,
  expectedVersion: z.coerce.number('supervise.errors.invalid').int().min(1, 'supervise.errors.invalid'),
  reviewerId: uuid,
  reason: optional(z.string().trim().max(500, 'supervise.errors.reasonTooLong')),
});
export type ReassignCaseInput = z.output<typeof reassignCaseSchema>;

export const reassignAllSchema = strict({
  fromReviewerId: uuid,
  reason: z
    .string('supervise.errors.reasonRequired')
    .trim()
    .min(5, 'supervise.errors.reasonRequired')
    .max(500, 'supervise.errors.reasonTooLong'),
});
export type ReassignAllInput = z.output<typeof reassignAllSchema>;

export const ANALYTICS_CASE_TYPES = ['CODE_APPEAL', 'RECOGNITION_COMPLAINT', 'ALL'] as const;
export type AnalyticsCaseType = (typeof ANALYTICS_CASE_TYPES)[number];

const analyticsShape = {
  from: optional(dateText),
  to: optional(dateText),
  /** Drill down from provinces to the cities and counties of one issuing province. */
  province: optional(provinceCode),
  type: optional(z.enum(ANALYTICS_CASE_TYPES, 'supervise.errors.invalid')),
};
export const analyticsFiltersSchema = strict(analyticsShape).refine((f) => !f.from || !f.to || f.from <= f.to, {
  message: 'supervise.errors.dateOrder',
  path: ['to'],
});
export type AnalyticsFilters = z.output<typeof analyticsFiltersSchema>;

export const AUDIT_PAGE_ROWS = 50;

const auditShape = {
  action: optional(z.enum(AUDIT_ACTIONS, 'supervise.errors.invalid')),
  from: optional(dateText),
  to: optional(dateText),
  reference: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^SS-\d{2}-\d{8}-\d{1,9}$/, 'supervise.errors.referenceInvalid'),
  ),
  /** A province code or 'national'; only a national supervisor may choose (a province's supervisor reads their own). */
  chain: optional(z.string().regex(/^(\d{2}|national)$/, 'supervise.errors.invalid')),
  /** Keyset cursor: where the previous page ended. */
  cursor: optional(z.string().max(200, 'supervise.errors.invalid')),
};
export const auditFiltersSchema = strict(auditShape).refine((f) => !f.from || !f.to || f.from <= f.to, {
  message: 'supervise.errors.dateOrder',
  path: ['to'],
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const EXPORT_TABLES = [
  'overdue',
  'at-risk',
  'unassigned',
  'waiting',
  'corrections',
  'workload',
  'authorities',
  'trend',
  'matrix',
  'audit',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The table to export and the filters of the page it was shown on. */
export const exportRequestSchema = strict({
  table: z.enum(EXPORT_TABLES, 'supervise.errors.invalid'),
  ...analyticsShape,
  action: auditShape.action,
  reference: auditShape.reference,
  chain: auditShape.chain,
});
export type ExportRequest = z.output<typeof exportRequestSchema>;

export const verifyChainsSchema = strict({});
