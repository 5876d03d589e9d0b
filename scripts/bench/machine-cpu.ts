// Where a load's CPU went on this machine, from /proc: the web servers, the load generator (this process), the
// PostgreSQL server (the postmaster, its live backends and those that have exited), and the rest (the kernel's network
// work, other processes), with the statements PostgreSQL ran (pg_stat_statements) — per unit of work, e.g. per filing.
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** The machine's CPU time since boot, busy and idle (first line of /proc/stat, in 10 ms ticks). */
function machineCpuMs(): { busy: number; idle: number } {
  // The eighth, steal, is time the hypervisor gave to other machines: neither ours busy nor idle.
  const [user, nice, system, idle, iowait, irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: (user! + nice! + system! + irq! + softirq!) * 10, idle: (idle! + iowait!) * 10 };
}

/** The fields of /proc/<pid>/stat after the command, or null once the process is gone. */
function statOf(pid: number | string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (/proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const fields = statOf(pid);
  // After the command: state is field 3, utime field 14 and stime field 15 (1-based over the whole line).
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0;
}

/**
 * CPU time of a PostgreSQL server so far: the postmaster's own, its exited children's (cutime and cstime, fields 16
 * and 17: backends whose connection closed) and its live children's (backends, background workers).
 */
export function postgresCpuMs(postmasterPid: number): number {
  const postmaster = statOf(postmasterPid);
  if (!postmaster) return 0;
  let ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(postmaster[index]), 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statOf(entry);
    // The parent's pid is field 4.
    if (fields && Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** The postmaster's pid, from the first line of postmaster.pid in the cluster's folder. */
export function postmasterPidOf(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

export interface CpuSplit {
  /** Busy CPU of the whole machine per unit, ms. */
  machineMs: number;
  webMs: number;
  clientsMs: number;
  postgresMs: number;
  /** The kernel's work not charged to a process, and anything else running. */
  restMs: number;
  /** Statements PostgreSQL ran per unit (pg_stat_statements; 0 where the extension is not loaded). */
  statements: number;
  idlePercent: number;
}

async function statementCalls(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return Number(rows[0]?.calls ?? 0);
}

/**
 * Runs the work and splits the machine's CPU over it per unit (`units` of the result, e.g. filings made), in ms with
 * `digits` decimals.
 */
export async function measureCpuSplit<T>(
  probe: { client: pg.Client; postmasterPid: number; webPids: readonly number[] },
  work: () => Promise<T>,
  units: (result: T) => number,
  digits = 1,
): Promise<{ result: T; split: CpuSplit }> {
  const statementsBefore = await statementCalls(probe.client);
  const webBefore = probe.webPids.map(cpuMsOf);
  const postgresBefore = postgresCpuMs(probe.postmasterPid);
  const machineBefore = machineCpuMs();
  const generatorBefore = process.cpuUsage();
  const result = await work();
  const generator = process.cpuUsage(generatorBefore);
  const machine = machineCpuMs();
  const postgres = postgresCpuMs(probe.postmasterPid) - postgresBefore;
  const web = probe.webPids.reduce((sum, pid, index) => sum + cpuMsOf(pid) - webBefore[index]!, 0);
  // The two statements of the probe itself (before and after) are left out.
  const statements = (await statementCalls(probe.client)) - statementsBefore - 1;
  const n = Math.max(1, units(result));
  const round = (ms: number) => Math.round((ms / n) * 10 ** digits) / 10 ** digits;
  const busy = machine.busy - machineBefore.busy;
  const idle = machine.idle - machineBefore.idle;
  const clients = (generator.user + generator.system) / 1000;
  return {
    result,
    split: {
      machineMs: round(busy),
      webMs: round(web),
      clientsMs: round(clients),
      postgresMs: round(postgres),
      // The machine's ticks and the processes' are read apart: a difference within their rounding can fall below 0.
      restMs: Math.max(0, round(busy - web - clients - postgres)),
      statements: round(statements),
      idlePercent: Math.round((100 * idle) / Math.max(1, idle + busy)),
    },
  };
}

/** One line for the progress log: `machine CPU per filing 16.3 ms: web 6.4, …`. */
export function describeCpuSplit(split: CpuSplit, unit: string): string {
  return (
    `machine CPU per ${unit} ${split.machineMs} ms: web ${split.webMs}, clients ${split.clientsMs}, ` +
    `PostgreSQL ${split.postgresMs} (${split.statements} statements), kernel and the rest ${split.restMs}; ` +
    `idle ${split.idlePercent} %`
  );
}
