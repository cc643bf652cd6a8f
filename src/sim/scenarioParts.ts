/**
 * Validation of a scenario's parts beyond its shape: each step's body, each writer's options and
 * lease plan, the store's latencies and faults. Every problem names its path in the scenario.
 */
import { LakeError } from '../core/errors.ts';

type Fail = (path: string, why: string) => LakeError;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isMillis = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** The merge clauses a scenario can name by kind alone (the others need expressions). */
export const scenarioMergeClauses = ['whenMatchedUpdateAll', 'whenMatchedDelete', 'whenNotMatchedInsertAll', 'whenNotMatchedBySourceDelete'];
const storeCalls = ['list', 'head', 'get', 'put', 'putIfAbsent', 'delete', 'lease'];
const leaseModes = ['infinite-stamped', 'fixed-heartbeat', 'ignore'];

function requireRows(value: unknown, path: string, fail: Fail): void {
  if (!Array.isArray(value)) throw fail(path, 'must be a list of rows (objects of column values)');
  value.forEach((row, i) => {
    if (!isObject(row)) throw fail(`${path}[${i}]`, `must be a row (an object of column values), got ${JSON.stringify(row)}`);
  });
}

function optionalString(value: Json, key: string, path: string, fail: Fail): void {
  if (value[key] !== undefined && typeof value[key] !== 'string') throw fail(`${path}.${key}`, 'must be a predicate (a string)');
}

/** A step's body, by its kind (read and think are checked with the step's shape). */
export function validateStepBody(kind: string, value: unknown, step: Json, path: string, fail: Fail): void {
  const at = `${path}.${kind}`;
  switch (kind) {
    case 'append':
      requireRows(value, at, fail);
      if (step.txn !== undefined && !(isObject(step.txn) && typeof step.txn.appId === 'string' && isCount(step.txn.version))) {
        throw fail(`${path}.txn`, 'must be {"appId": string, "version": a whole number}');
      }
      return;
    case 'overwrite':
      requireRows(value, at, fail);
      optionalString(step, 'where', path, fail);
      return;
    case 'delete':
      if (typeof value !== 'string' || value.trim() === '') throw fail(at, 'must be a predicate (a string), e.g. "id = 1"');
      return;
    case 'update':
      if (!isObject(value) || !isStringMap(value.set) || Object.keys(value.set as Json).length === 0) throw fail(at, 'must be {"set": {"column": "expression", ...}, "where"?: predicate}');
      optionalString(value, 'where', at, fail);
      return;
    case 'merge': {
      if (!isObject(value)) throw fail(at, 'must be {"source": rows, "on": predicate, "clauses": [...]}');
      requireRows(value.source, `${at}.source`, fail);
      if (typeof value.on !== 'string' || value.on.trim() === '') throw fail(`${at}.on`, 'must be the merge predicate (a string), e.g. "t.id = s.id"');
      const clauses = value.clauses;
      if (!Array.isArray(clauses) || clauses.length === 0 || !clauses.every((c) => scenarioMergeClauses.includes(c as string))) {
        throw fail(`${at}.clauses`, `must list one or more of ${scenarioMergeClauses.join(', ')}`);
      }
      if (value.streamedExec !== undefined && typeof value.streamedExec !== 'boolean') throw fail(`${at}.streamedExec`, 'must be true or false');
      return;
    }
    case 'setProperties':
      if (!isStringMap(value)) throw fail(at, 'must be an object of table properties, each a string');
      return;
    case 'optimize':
      if (value !== true) throw fail(at, 'must be true');
      return;
  }
}

/** A writer's retry, crash and lease options. */
export function validateWriterOptions(writer: Json, path: string, fail: Fail): void {
  for (const key of ['crashAtStep', 'maxRetries', 'recomputeLimit']) {
    if (writer[key] !== undefined && !isCount(writer[key])) throw fail(`${path}.${key}`, 'must be a whole number, 0 or more');
  }
  if (writer.onConflict !== undefined && writer.onConflict !== 'fail' && writer.onConflict !== 'recompute') throw fail(`${path}.onConflict`, 'must be "fail" or "recompute"');
  if (writer.ducklake !== undefined) validateCatalogPlan(writer, path, fail);
  if (writer.lease === undefined) return;
  if (writer.ducklake !== undefined) throw fail(`${path}.ducklake`, 'a writer is a lease run or a catalog database writer, not both');
  const lease = writer.lease;
  if (!isObject(lease) || !leaseModes.includes(lease.mode as string)) throw fail(`${path}.lease.mode`, `must be one of ${leaseModes.join(', ')}`);
  if (!isMillis(lease.work)) throw fail(`${path}.lease.work`, 'must be milliseconds (a number)');
  for (const key of ['startAfter', 'staleAfter']) {
    if (lease[key] !== undefined && !isMillis(lease[key])) throw fail(`${path}.lease.${key}`, 'must be milliseconds (a number)');
  }
  if (lease.crash !== undefined && typeof lease.crash !== 'boolean') throw fail(`${path}.lease.crash`, 'must be true or false');
  if (lease.insert !== undefined) requireRows(lease.insert, `${path}.lease.insert`, fail);
  if (lease.delete !== undefined && (typeof lease.delete !== 'string' || lease.delete.trim() === '')) throw fail(`${path}.lease.delete`, 'must be a predicate (a string), e.g. "run = \'run-1\'"');
  if (lease.leaseSeconds !== undefined && !(Number.isInteger(lease.leaseSeconds) && (lease.leaseSeconds as number) >= 15 && (lease.leaseSeconds as number) <= 60)) {
    throw fail(`${path}.lease.leaseSeconds`, 'must be 15 to 60 (seconds, as Azure allows for a fixed lease)');
  }
  if (Array.isArray(writer.steps) && writer.steps.length > 0) throw fail(`${path}.steps`, 'must be [] for a lease writer: its work is the lease protocol');
}

/** A catalog database writer: {"steps": [{"insert": rows, "work"?: ms} | {"delete": predicate, "work"?: ms} | {"think": ms}], "maxRetries"?: n}. */
function validateCatalogPlan(writer: Json, path: string, fail: Fail): void {
  const plan = writer.ducklake;
  const at = `${path}.ducklake`;
  const shape = '{"steps": [{"insert": rows, "work"?: ms} | {"delete": predicate, "work"?: ms} | {"think": ms}], "maxRetries"?: n}';
  if (!isObject(plan) || !Array.isArray(plan.steps)) throw fail(at, `must be ${shape}`);
  if (plan.maxRetries !== undefined && !isCount(plan.maxRetries)) throw fail(`${at}.maxRetries`, 'must be a whole number, 0 or more (ducklake_max_retry_count)');
  plan.steps.forEach((step, i) => {
    const stepAt = `${at}.steps[${i}]`;
    const keys = isObject(step) ? Object.keys(step).filter((k) => k !== 'work') : [];
    if (!isObject(step) || keys.length !== 1 || !['insert', 'delete', 'think'].includes(keys[0]!)) throw fail(stepAt, 'must be {"insert": rows}, {"delete": predicate} or {"think": ms}');
    if ('insert' in step) requireRows(step.insert, `${stepAt}.insert`, fail);
    if ('delete' in step && (typeof step.delete !== 'string' || step.delete.trim() === '')) throw fail(`${stepAt}.delete`, 'must be a predicate (a string), e.g. "id < 3"');
    if ('think' in step && (!isMillis(step.think) || step.work !== undefined)) throw fail(`${stepAt}.think`, 'must be milliseconds (a number), alone');
    if (step.work !== undefined && !isMillis(step.work)) throw fail(`${stepAt}.work`, 'must be milliseconds (a number): the time between the transaction\'s read and its commit');
  });
  if (Array.isArray(writer.steps) && writer.steps.length > 0) throw fail(`${path}.steps`, 'must be [] for a catalog database writer: its steps are under "ducklake"');
}

/** The store's latencies and faults. */
export function validateStoreModel(s: Json, fail: Fail): void {
  if (s.latency !== undefined) {
    if (!isObject(s.latency)) throw fail('.latency', 'must be an object of {"min": ms, "max": ms} by store call');
    for (const [call, latency] of Object.entries(s.latency)) {
      if (call !== 'default' && !storeCalls.includes(call)) throw fail(`.latency.${call}`, `is not a store call: use default or ${storeCalls.join(', ')}`);
      if (!isObject(latency) || !isMillis(latency.min) || !isMillis(latency.max) || (latency.min as number) > (latency.max as number)) {
        throw fail(`.latency.${call}`, 'must be {"min": ms, "max": ms} with min <= max');
      }
    }
  }
  if (s.faults !== undefined) {
    const faults = s.faults;
    if (!isObject(faults)) throw fail('.faults', 'must be {"fail"?: share, "delay"?: share, "maxDelayMs"?: ms, "calls"?: [...]}');
    for (const key of ['fail', 'delay']) {
      const share = faults[key];
      if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1)) throw fail(`.faults.${key}`, 'must be a share of calls, from 0 to 1');
    }
    if (faults.maxDelayMs !== undefined && !isMillis(faults.maxDelayMs)) throw fail('.faults.maxDelayMs', 'must be milliseconds (a number)');
    if (faults.calls !== undefined && !(Array.isArray(faults.calls) && faults.calls.every((c) => storeCalls.includes(c as string)))) {
      throw fail('.faults.calls', `must list store calls: ${storeCalls.join(', ')}`);
    }
  }
  if (s.catalog !== undefined) validateCatalog(s.catalog, fail);
  const leases = Array.isArray(s.writers) && s.writers.some((w) => isObject(w) && (w.lease !== undefined || w.ducklake !== undefined));
  if (leases && s.catalog === undefined) throw fail('.catalog', 'lease writers work on a DuckLake catalog (so do catalog database writers, "ducklake"): give {"table": "main.t", "columns": [{"name": ..., "type": ...}], "rows"?: [...]}');
  if (s.expect !== undefined && !isStringMap(s.expect)) throw fail('.expect', 'must map writer names to outcomes (strings)');
}

const catalogTypes = /^(boolean|int8|int16|int32|int64|uint8|uint16|uint32|uint64|float32|float64|varchar|date|timestamp|timestamptz|decimal\(\d+,\s*\d+\))$/;

function validateCatalog(catalog: unknown, fail: Fail): void {
  if (!isObject(catalog)) throw fail('.catalog', 'must be {"table": "main.t", "columns": [{"name": ..., "type": ...}], "rows"?: [...]}');
  if (typeof catalog.table !== 'string' || !/^[^.]+\.[^.]+$/.test(catalog.table)) throw fail('.catalog.table', 'must name the table as "schema.table", e.g. "main.events"');
  if (!Array.isArray(catalog.columns) || catalog.columns.length === 0) throw fail('.catalog.columns', 'must list the table\'s columns');
  catalog.columns.forEach((column, i) => {
    if (!isObject(column) || typeof column.name !== 'string' || column.name === '') throw fail(`.catalog.columns[${i}].name`, 'must be a column name');
    if (typeof column.type !== 'string' || !catalogTypes.test(column.type)) throw fail(`.catalog.columns[${i}].type`, 'must be a DuckLake type: boolean, int8-int64, uint8-uint64, float32, float64, varchar, date, timestamp, timestamptz, decimal(p,s)');
  });
  if (catalog.rows !== undefined) requireRows(catalog.rows, '.catalog.rows', fail);
}
