// A transfer moves a case to another province (docs/scaling.md): the province code distributes case data, and Citus
// cannot change a distribution column in place, so the case and the rows that follow it are copied under the new
// province and deleted under the old one, in the caller's transaction. The rows that follow are those of every table
// whose foreign key (province_code, <case column>) references appeal_case(province_code, id), read from the
// catalogue, so a new case table moves too without editing this file. The case keeps its id, reference, deadline,
// evidence, requests, decisions, exclusions and notifications; outbox events and their deliveries stay with the
// system they are addressed to. On one PostgreSQL this is the same SQL.
import 'server-only';
import { Prisma, type TransactionClient } from '@/lib/db/client';

interface MovedTable {
  table: string;
  /** The column holding the case id. */
  caseColumn: string;
  columns: string[];
}

let layout: Promise<MovedTable[]> | undefined;

/** appeal_case first, then the tables that follow it; every table's columns in order. Read once per process. */
function movedTables(tx: TransactionClient): Promise<MovedTable[]> {
  layout ??= (async () => {
    const followers = await tx.$queryRaw<{ table: string; case_column: string }[]>`
      SELECT con.conrelid::regclass::text AS table, a.attname::text AS case_column
        FROM pg_constraint con
        JOIN pg_attribute p ON p.attrelid = con.conrelid AND p.attnum = con.conkey[1]
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[2]
       WHERE con.contype = 'f' AND con.confrelid = 'appeal_case'::regclass AND array_length(con.conkey, 1) = 2
         AND p.attname = 'province_code'
       ORDER BY 1`;
    const tables = [{ table: 'appeal_case', case_column: 'id' }, ...followers];
    return Promise.all(
      tables.map(async ({ table, case_column }) => ({
        table,
        caseColumn: case_column,
        columns: (
          await tx.$queryRaw<{ name: string }[]>`
            SELECT attname::text AS name FROM pg_attribute
             WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`
        ).map((row) => row.name),
      })),
    );
  })();
  layout.catch(() => (layout = undefined));
  return layout;
}

const quoted = (name: string) => Prisma.raw(`"${name.replace(/"/g, '""')}"`);

/** Moves the case from its province to `to` with the rows that follow it; the caller then updates it there. */
export async function moveCaseToProvince(
  tx: TransactionClient,
  current: { id: string; provinceCode: string; idempotencyKey: string },
  to: string,
): Promise<void> {
  const { id: caseId, provinceCode: from } = current;
  const tables = await movedTables(tx);
  for (const { table, caseColumn, columns } of tables) {
    const list = Prisma.join(columns.map(quoted));
    const values = Prisma.join(columns.map((name) => (name === 'province_code' ? Prisma.sql`${to}` : quoted(name))));
    await tx.$executeRaw`
      INSERT INTO ${quoted(table)} (${list})
      SELECT ${values} FROM ${quoted(table)} WHERE province_code = ${from} AND ${quoted(caseColumn)} = ${caseId}::uuid`;
  }
  for (const { table, caseColumn } of [...tables].reverse()) {
    await tx.$executeRaw`
      DELETE FROM ${quoted(table)} WHERE province_code = ${from} AND ${quoted(caseColumn)} = ${caseId}::uuid`;
  }
  // Routed by its key (the table is distributed by it).
  await tx.$executeRaw`UPDATE filing_idempotency_key SET province_code = ${to}
                        WHERE key = ${current.idempotencyKey} AND case_id = ${caseId}::uuid`;
}
