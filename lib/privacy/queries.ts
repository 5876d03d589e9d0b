// Reads of the data-rights screens (SPEC §17): the citizen's own requests and closed cases, and the supervisors'
// queue. Every read starts from the caller's scope; results are small plain objects.
import 'server-only';
import { caseScopeWhere } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db/client';
import type { DataRequestKind, DataRequestStatus } from '@/lib/db/generated/enums';
import { maskMobile } from '@/lib/auth/mobile';
import { dataRequestScope } from './answer-data-request';

export interface DataRequestView {
  id: string;
  reference: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  /** Masked; only for contact corrections. */
  newMobileMasked: string | null;
  note: string | null;
  createdAt: Date;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

const REQUEST_SELECT = {
  id: true,
  kind: true,
  status: true,
  newMobile: true,
  note: true,
  createdAt: true,
  dueAt: true,
  answer: true,
  answeredAt: true,
  provinceCode: true,
  appealCase: { select: { reference: true } },
} as const;

type RequestRow = {
  id: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  newMobile: string | null;
  note: string | null;
  createdAt: Date;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  provinceCode: string;
  appealCase: { reference: string };
};

function toView(row: RequestRow): DataRequestView {
  return {
    id: row.id,
    reference: row.appealCase.reference,
    kind: row.kind,
    status: row.status,
    newMobileMasked: row.newMobile ? maskMobile(row.newMobile) : null,
    note: row.note,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
  };
}

export async function listMyDataRequests(user: Actor): Promise<DataRequestView[]> {
  if (user.role !== 'CITIZEN' || !user.id) return [];
  const rows = await prisma.dataRightsRequest.findMany({
    where: { citizenId: user.id },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: REQUEST_SELECT,
  });
  return rows.map(toView);
}

export interface RequestableCase {
  id: string;
  reference: string;
  closed: boolean;
  mobileMasked: string | null;
}

/** The citizen's cases whose personal data is still held (the ones a request can be about). */
export async function listRequestableCases(user: Actor): Promise<RequestableCase[]> {
  if (user.role !== 'CITIZEN' || !user.id) return [];
  const rows = await prisma.case.findMany({
    where: { AND: [caseScopeWhere(user), { personalDataErasedAt: null }] },
    orderBy: { filedAt: 'desc' },
    take: 100,
    select: { id: true, reference: true, closedAt: true, mobile: true },
  });
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    closed: row.closedAt !== null,
    mobileMasked: row.mobile ? maskMobile(row.mobile) : null,
  }));
}

export interface StaffDataRequestView extends DataRequestView {
  provinceCode: string;
  overdue: boolean;
}

/** A supervisor's queue: pending requests first by deadline, then the latest answered ones. */
export async function listDataRequestsForStaff(
  user: Actor,
  now = new Date(),
): Promise<{ pending: StaffDataRequestView[]; answered: StaffDataRequestView[] }> {
  const scope = dataRequestScope(user);
  if (!scope) return { pending: [], answered: [] };
  const [pending, answered] = await Promise.all([
    prisma.dataRightsRequest.findMany({
      where: { ...scope, status: 'PENDING' },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: 200,
      select: REQUEST_SELECT,
    }),
    prisma.dataRightsRequest.findMany({
      where: { ...scope, status: { not: 'PENDING' } },
      orderBy: [{ answeredAt: 'desc' }, { id: 'asc' }],
      take: 50,
      select: REQUEST_SELECT,
    }),
  ]);
  const staffView = (row: RequestRow): StaffDataRequestView => ({
    ...toView(row),
    provinceCode: row.provinceCode,
    overdue: row.status === 'PENDING' && row.dueAt < now,
  });
  return { pending: pending.map(staffView), answered: answered.map(staffView) };
}
