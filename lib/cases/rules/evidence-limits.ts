// Evidence limits of SPEC §4, browser-safe so the upload form states and pre-checks the same rules the server enforces.
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const ALLOWED_EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedEvidenceType = (typeof ALLOWED_EVIDENCE_TYPES)[number];

export const EVIDENCE_ERROR_MESSAGES = {
  'evidence.errors.tooMany': { zh: '最多上传 5 个文件。', en: 'Upload at most 5 files.' },
  'evidence.errors.empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'evidence.errors.tooLarge': { zh: '每个文件不能超过 5 MB。', en: 'Each file must be 5 MB or smaller.' },
  'evidence.errors.typeNotAllowed': {
    zh: '只接受 PDF、JPEG 或 PNG 文件。',
    en: 'Only PDF, JPEG or PNG files are accepted.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type EvidenceErrorKey = keyof typeof EVIDENCE_ERROR_MESSAGES;
