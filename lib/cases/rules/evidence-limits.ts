// Evidence limits of SPEC §4, browser-safe so the upload form states and pre-checks the same rules the server enforces.
import type coreMessages from '@/lib/i18n/messages/en/core.json';

export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const ALLOWED_EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedEvidenceType = (typeof ALLOWED_EVIDENCE_TYPES)[number];

/** A refusal of one file; its texts are in the message files (core.json, both languages). */
export type EvidenceErrorKey = `evidence.errors.${keyof (typeof coreMessages)['evidence']['errors']}`;
