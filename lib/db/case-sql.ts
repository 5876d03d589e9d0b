// The case row in raw SQL, for the paths every case takes (filing, each transition): written and read back in one
// statement on the transaction's own connection (sqlRows), without Prisma's query compiler, as the `Case` Prisma
// reads. A column is its field's name in snake_case (every @map of model Case; case-sql.test.ts checks it against the
// table).
import 'server-only';
import { Prisma, sqlRows, type SqlTarget } from './client';
import type { Case } from './generated/client';

const FIELDS = Object.values(Prisma.CaseScalarFieldEnum);

export function caseColumnOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Every column of appeal_case under its field's name: a RETURNING or SELECT list that reads a `Case`. */
const CASE_FIELDS_SQL = Prisma.raw(FIELDS.map((field) => `${caseColumnOf(field)} AS "${field}"`).join(', '));

/** The columns as written: what Prisma reads as JsonValue is written from any JSON input. */
type CaseInput = Omit<Case, 'deadlineInputs'> & { deadlineInputs: Prisma.InputJsonValue };

/** Fields a statement sets; `undefined` leaves a column as it is (as Prisma does). */
export type CaseFields = Partial<Omit<CaseInput, 'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'>>;

type NullableField = { [K in keyof CaseInput]: null extends CaseInput[K] ? K : never }[keyof CaseInput];

/**
 * A new case: what the table does not fill in (version 1 unless given, created now, no pause); a nullable field left
 * out is null.
 */
export type NewCase = Omit<CaseInput, 'version' | 'createdAt' | 'updatedAt' | 'pausedMs' | NullableField> &
  Partial<Pick<CaseInput, 'version' | 'pausedMs' | NullableField>>;

function assignments(fields: CaseFields): Prisma.Sql[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => Prisma.sql`${Prisma.raw(caseColumnOf(field))} = ${value}`);
}

/** Inserts a case and reads it back. */
export async function insertCase(target: SqlTarget, row: NewCase): Promise<Case> {
  const entries = Object.entries({ ...row, updatedAt: new Date() }).filter(([, value]) => value !== undefined);
  const [created] = await sqlRows<Case>(
    target,
    Prisma.sql`INSERT INTO appeal_case (${Prisma.raw(entries.map(([field]) => caseColumnOf(field)).join(', '))})
               VALUES (${Prisma.join(entries.map(([, value]) => value))})
               RETURNING ${CASE_FIELDS_SQL}`,
  );
  return created!;
}

/**
 * Sets `fields` on the given cases of one province (single-shard), moves each one's version on, and returns the
 * updated rows. With `version`, only a case still at that version is changed (the optimistic check of a transition).
 */
export async function updateCases(
  target: SqlTarget,
  where: { provinceCode: string; ids: readonly string[]; version?: number },
  fields: CaseFields,
): Promise<Case[]> {
  return sqlRows<Case>(
    target,
    Prisma.sql`UPDATE appeal_case
                  SET ${Prisma.join([...assignments(fields), Prisma.sql`version = version + 1, updated_at = ${new Date()}`])}
                WHERE province_code = ${where.provinceCode} AND id = ANY(${[...where.ids]}::uuid[])
                  ${where.version === undefined ? Prisma.empty : Prisma.sql`AND version = ${where.version}`}
            RETURNING ${CASE_FIELDS_SQL}`,
  );
}
