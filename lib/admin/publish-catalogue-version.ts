// An administrator publishes a new version of the reason catalogue, usually a copy of the latest with reasons edited,
// added or removed. Published versions are never edited: old cases keep theirs, new filings use the new one.
// Audited as CATALOGUE_PUBLISHED in the national chain.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { lockAuditChain, NATIONAL_CHAIN } from '@/lib/audit/append';
import { appendNationalEvent } from '@/lib/audit/national-event';
import { parseInput } from '@/lib/core/parse-input';
import { stale } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';
import { publishCatalogueSchema } from './schemas';

export async function publishCatalogueVersion(
  actor: Actor,
  raw: unknown,
  now = new Date(),
): Promise<{ id: number; version: number }> {
  assertAdmin(actor);
  const input = parseInput(publishCatalogueSchema, raw);
  return prisma.$transaction(async (tx) => {
    await lockAuditChain(tx, NATIONAL_CHAIN);
    const latest = await tx.reasonCatalogueVersion.findFirst({
      orderBy: { version: 'desc' },
      select: { version: true, reasons: { select: { code: true } } },
    });
    if ((latest?.version ?? null) !== input.basedOnVersion) throw stale();
    const version = (latest?.version ?? 0) + 1;
    const created = await tx.reasonCatalogueVersion.create({
      data: { version, note: input.note, publishedAt: now },
      select: { id: true },
    });
    await tx.reason.createMany({
      data: input.reasons.map((reason, index) => ({
        ...reason,
        catalogueVersionId: created.id,
        sortOrder: (index + 1) * 10,
      })),
    });
    const before = new Set(latest?.reasons.map((reason) => reason.code) ?? []);
    const after = new Set(input.reasons.map((reason) => reason.code));
    await appendNationalEvent(tx, actor, {
      action: 'CATALOGUE_PUBLISHED',
      before: latest ? { version: latest.version } : null,
      after: {
        catalogueVersionId: created.id,
        version,
        reasons: input.reasons.map((reason) => ({
          code: reason.code,
          maxColour: reason.maxColour,
          validity: reason.validity,
        })),
        added: [...after].filter((code) => !before.has(code)),
        removed: [...before].filter((code) => !after.has(code)),
      },
      reason: input.note,
      occurredAt: now,
    });
    return { id: created.id, version };
  });
}
