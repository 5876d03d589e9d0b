// The reason catalogue (SPEC §3): its published versions and one version's reasons. New filings use the latest
// version; every case keeps the version it was filed under.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CodeColour, ReasonValidity } from '@/lib/db/generated/enums';
import { notFound } from './errors';
import type { Actor } from '@/lib/auth/actor';
import { assertAdmin } from './require-admin';

export interface CatalogueVersionRow {
  id: number;
  version: number;
  note: string;
  publishedAt: Date;
  reasons: number;
  cases: number;
}

export async function listCatalogueVersions(actor: Actor): Promise<CatalogueVersionRow[]> {
  assertAdmin(actor);
  const versions = await prisma.reasonCatalogueVersion.findMany({
    orderBy: { version: 'desc' },
    select: {
      id: true,
      version: true,
      note: true,
      publishedAt: true,
      _count: { select: { reasons: true, cases: true } },
    },
  });
  return versions.map(({ _count, ...version }) => ({ ...version, reasons: _count.reasons, cases: _count.cases }));
}

export interface CatalogueReasonRow {
  code: string;
  nameZh: string;
  nameEn: string;
  maxColour: CodeColour | null;
  validity: ReasonValidity;
}

export interface CatalogueVersionView {
  id: number;
  version: number;
  note: string;
  publishedAt: Date;
  latest: boolean;
  reasons: CatalogueReasonRow[];
}

/** One version (the latest when `versionNumber` is omitted). */
export async function getCatalogueVersion(actor: Actor, versionNumber?: number): Promise<CatalogueVersionView> {
  assertAdmin(actor);
  const latest = await prisma.reasonCatalogueVersion.findFirst({
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  if (!latest) throw notFound();
  const wanted = versionNumber ?? latest.version;
  if (!Number.isInteger(wanted)) throw notFound();
  const version = await prisma.reasonCatalogueVersion.findUnique({
    where: { version: wanted },
    select: {
      id: true,
      version: true,
      note: true,
      publishedAt: true,
      reasons: {
        orderBy: { sortOrder: 'asc' },
        select: { code: true, nameZh: true, nameEn: true, maxColour: true, validity: true },
      },
    },
  });
  if (!version) throw notFound();
  return { ...version, latest: version.version === latest.version };
}
