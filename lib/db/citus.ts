// Citus (docs/scaling.md): prepares a database on a coordinator and its workers, and turns a migrated database into
// the distributed layout of lib/db/distribution.ts. Plain pg, no Prisma: used by scripts and test setup.
import pg from 'pg';
import { ALLOWED_TRIGGERS, COLOCATION_ANCHORS, DISTRIBUTION, SHARD_COUNT, type DistributionMap } from './distribution';
import { EMBEDDED_OWNER, ensureEmbeddedRoles } from './roles';

export interface CitusNode {
  host: string;
  port: number;
}

/** `host:port,host:port` (CITUS_WORKERS) → nodes. */
export function parseNodes(list: string): CitusNode[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [host, port] = entry.split(':');
      if (!host || !port || !/^\d+$/.test(port)) throw new Error(`not host:port: ${entry}`);
      return { host, port: Number(port) };
    });
}

function urlOn(base: string, node: CitusNode | null, database: string): string {
  const url = new URL(base);
  if (node) {
    url.hostname = node.host;
    url.port = String(node.port);
  }
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `database` on the coordinator (adminUrl's server) and on every worker, owned by the owner role and with the
 * citus extension in each, creates the owner and runtime roles on every node (lib/db/roles.ts: the coordinator
 * connects to the workers as the session's role), and registers the coordinator and the workers in its metadata
 * (Citus keeps nodes per database). Idempotent. adminUrl is a superuser's.
 */
export async function prepareCitusDatabase(adminUrl: string, workers: CitusNode[], database: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name ${database}`);
  const coordinator = new URL(adminUrl);
  for (const node of [null, ...workers]) {
    await ensureEmbeddedRoles(urlOn(adminUrl, node, 'postgres'));
    await withClient(urlOn(adminUrl, node, 'postgres'), async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) await client.query(`CREATE DATABASE ${database} OWNER ${EMBEDDED_OWNER.user}`);
    });
    await withClient(urlOn(adminUrl, node, database), (client) => client.query('CREATE EXTENSION IF NOT EXISTS citus'));
  }
  const url = urlOn(adminUrl, null, database);
  await withClient(url, async (client) => {
    await client.query('SELECT citus_set_coordinator_host($1, $2)', [coordinator.hostname, Number(coordinator.port)]);
    for (const worker of workers) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_dist_node WHERE nodename = $1 AND nodeport = $2', [
        worker.host,
        worker.port,
      ]);
      if (!rowCount) await client.query('SELECT citus_add_node($1, $2)', [worker.host, worker.port]);
    }
  });
  return url;
}

/** Drops `database` everywhere prepareCitusDatabase created it. */
export async function dropCitusDatabase(adminUrl: string, workers: CitusNode[], database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name ${database}`);
  for (const node of [null, ...workers]) {
    await withClient(urlOn(adminUrl, node, 'postgres'), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    );
  }
}

/** Parents before children, so a foreign key's referenced table is distributed first (Citus requires it). */
function distributionOrder(map: DistributionMap, foreignKeys: { table: string; referenced: string }[]): string[] {
  const rank = (table: string) => {
    const placement = map[table]!;
    if (placement.kind === 'reference') return 0;
    if (Object.values(COLOCATION_ANCHORS).includes(table)) return 1;
    return placement.kind === 'distributed' ? 2 : 3;
  };
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const fk of foreignKeys) if (fk.table === table && fk.referenced !== table) visit(fk.referenced);
    ordered.push(table);
  };
  for (const table of Object.keys(map).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) visit(table);
  return ordered;
}

export interface DistributeStep {
  object: string;
  action: string;
}

/**
 * Turns the migrated database at `url` (on a Citus coordinator with workers) into the layout of lib/db/distribution.ts:
 * reference tables, tables distributed by province code colocated with appeal_case (SHARD_COUNT shards), tables
 * distributed by their own key, and the distributed functions. Skips what is already done, so it can run again.
 */
export async function distributeDatabase(
  url: string,
  options: { map?: DistributionMap; shardCount?: number } = {},
): Promise<DistributeStep[]> {
  const map = options.map ?? DISTRIBUTION;
  const shardCount = options.shardCount ?? SHARD_COUNT;
  return withClient(url, async (client) => {
    const citus = await client.query("SELECT extversion FROM pg_extension WHERE extname = 'citus'");
    if (!citus.rowCount)
      throw new Error('the citus extension is not installed in this database (not a Citus coordinator)');
    const workers = await client.query("SELECT 1 FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary'");
    if (!workers.rowCount) throw new Error('no Citus worker is registered in this database (citus_add_node)');

    // Hash-distributed or reference tables only: a table Citus added to its metadata as a local table (one with a
    // foreign key to a reference table) is not done.
    const { rows: done } = await client.query<{ table: string }>(
      `SELECT logicalrelid::regclass::text AS table FROM pg_dist_partition
        WHERE partmethod = 'h' OR (partmethod = 'n' AND repmodel = 't')`,
    );
    const distributed = new Set(done.map((row) => row.table.replace(/^public\./, '').replace(/"/g, '')));
    const { rows: foreignKeys } = await client.query<{
      table: string;
      referenced: string;
      name: string;
      definition: string;
    }>(
      `SELECT conrelid::regclass::text AS table, confrelid::regclass::text AS referenced, conname AS name,
              pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    const { rows: triggers } = await client.query<{ name: string }>(
      `SELECT tgrelid::regclass::text || '.' || tgname AS name FROM pg_trigger
        WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`,
    );
    const unexpected = triggers.map((row) => row.name).filter((name) => !(name in ALLOWED_TRIGGERS));
    if (unexpected.length)
      throw new Error(`triggers not allowed on Citus (lib/db/distribution.ts): ${unexpected.join(', ')}`);

    const steps: DistributeStep[] = [];
    // The allowed triggers write only their own shard's rows or refuse (lib/db/distribution.ts); enabling and
    // disabling them later (tests, bulk loads) needs the same setting in every session of this database.
    await client.query('SET citus.enable_unsafe_triggers = on');
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
    await client.query(`ALTER DATABASE "${database}" SET citus.enable_unsafe_triggers = on`);
    // Reference tables (app_user, settings) are written in transactions that also read cases by id (a multi-shard read
    // when the province is not known yet): Citus then needs the read to have used one connection per node.
    await client.query(`ALTER DATABASE "${database}" SET citus.multi_shard_modify_mode = 'sequential'`);

    // Citus refuses to distribute a table that a local table references: the foreign keys touching a table not yet
    // distributed are dropped, the tables distributed, and the keys recreated (and checked) on the distributed
    // tables, all in one transaction, so a failure leaves the database as it was.
    await client.query('BEGIN');
    try {
      await client.query("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");
      const pending = foreignKeys.filter((fk) => !distributed.has(fk.table) || !distributed.has(fk.referenced));
      for (const fk of pending) await client.query(`ALTER TABLE "${fk.table}" DROP CONSTRAINT "${fk.name}"`);
      await distributeTables(client, map, shardCount, foreignKeys, distributed, steps);
      for (const fk of pending) {
        await client.query(`ALTER TABLE "${fk.table}" ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }

    return steps;
  });
}

async function distributeTables(
  client: pg.Client,
  map: DistributionMap,
  shardCount: number,
  foreignKeys: { table: string; referenced: string }[],
  distributed: Set<string>,
  steps: DistributeStep[],
): Promise<void> {
  for (const table of distributionOrder(map, foreignKeys)) {
    if (distributed.has(table)) continue;
    const placement = map[table]!;
    if (placement.kind === 'reference') {
      await client.query('SELECT create_reference_table($1)', [table]);
      steps.push({ object: table, action: 'reference table' });
    } else if (placement.kind === 'distributed') {
      const anchorTable = COLOCATION_ANCHORS[placement.column];
      const anchor = table === anchorTable;
      if (anchor) {
        await client.query("SELECT create_distributed_table($1, $2, shard_count => $3, colocate_with => 'none')", [
          table,
          placement.column,
          shardCount,
        ]);
      } else {
        await client.query('SELECT create_distributed_table($1, $2, colocate_with => $3)', [
          table,
          placement.column,
          anchorTable,
        ]);
      }
      steps.push({
        object: table,
        action: `distributed by ${placement.column}${anchor ? '' : `, colocated with ${anchorTable}`}`,
      });
    } else {
      await client.query('SELECT create_distributed_table($1, $2, shard_count => $3)', [
        table,
        placement.column,
        shardCount,
      ]);
      steps.push({ object: table, action: `distributed by its own key ${placement.column}` });
    }
  }
}

/**
 * Gives a province shards of its own in every colocated table of both colocation groups (isolate_tenant_to_new_shard:
 * its cases and its audit chain), and with `node` moves them there (citus_move_shard_placement): a province whose data
 * must stay on its own machine. Idempotent. Returns the case shard's id.
 */
export async function isolateProvince(url: string, province: string, node?: CitusNode): Promise<string> {
  return withClient(url, async (client) => {
    const shardOf = async (anchor: string) =>
      (
        await client.query<{ shard: string; min: string; max: string; host: string; port: number }>(
          `SELECT s.shardid::text AS shard, s.shardminvalue AS min, s.shardmaxvalue AS max, n.nodename AS host,
                  n.nodeport AS port
             FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n USING (groupid)
            WHERE s.shardid = get_shard_id_for_distribution_column($1, $2::text)`,
          [anchor, province],
        )
      ).rows[0]!;
    for (const anchor of Object.values(COLOCATION_ANCHORS)) {
      let shard = await shardOf(anchor);
      if (shard.min !== shard.max) {
        await client.query(
          "SELECT isolate_tenant_to_new_shard($1, $2::varchar, 'CASCADE', shard_transfer_mode => 'block_writes')",
          [anchor, province],
        );
        shard = await shardOf(anchor);
      }
      if (node && (shard.host !== node.host || shard.port !== node.port)) {
        await client.query(
          "SELECT citus_move_shard_placement($1, $2, $3, $4, $5, shard_transfer_mode => 'block_writes')",
          [shard.shard, shard.host, shard.port, node.host, node.port],
        );
      }
    }
    return (await shardOf(COLOCATION_ANCHORS.province_code)).shard;
  });
}
