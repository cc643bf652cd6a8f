/**
 * Log lines and checkpoint rows to Actions, validated against PROTOCOL.md's action schemas.
 * Malformed input is a Corrupt LakeError naming the file and the 1-based line.
 */
import { LakeError } from '../errors.ts';
import { actionTypes, type Action, type ActionType } from './actions.ts';
import { isDeeperThan } from '../jsonDepth.ts';

const decoder = new TextDecoder('utf-8', { fatal: false });
const knownTypes = new Set<string>(actionTypes);

type Check = (value: Record<string, unknown>) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => x === null || typeof x === 'string');

function requireFields(fields: [string, (v: unknown) => boolean, string][]): Check {
  return (value) => {
    for (const [name, test, expected] of fields) {
      if (!(name in value) || value[name] === undefined) return `missing required field "${name}"`;
      if (!test(value[name])) return `field "${name}" must be ${expected}, got ${JSON.stringify(value[name])}`;
    }
    return undefined;
  };
}

/** Fields a writer may leave out (or write as null), checked when they are there. */
function optionalFields(fields: [string, (v: unknown) => boolean, string][]): Check {
  return (value) => {
    for (const [name, test, expected] of fields) {
      if (value[name] !== undefined && value[name] !== null && !test(value[name])) return `field "${name}" must be ${expected}, got ${JSON.stringify(value[name])}`;
    }
    return undefined;
  };
}

const both = (...all: Check[]): Check => (value) => {
  for (const check of all) {
    const problem = check(value);
    if (problem) return problem;
  }
  return undefined;
};

const str = (v: unknown) => typeof v === 'string';
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown) => Number.isInteger(v);
const bool = (v: unknown) => typeof v === 'boolean';

const checks: Record<ActionType, Check> = {
  add: requireFields([['path', str, 'a string'], ['partitionValues', isStringMap, 'a map of strings'], ['size', num, 'a number'], ['modificationTime', num, 'a number'], ['dataChange', bool, 'a boolean']]),
  remove: requireFields([['path', str, 'a string']]),
  metaData: requireFields([['id', str, 'a string'], ['format', isObject, 'an object'], ['schemaString', str, 'a string'], ['partitionColumns', (v) => Array.isArray(v) && v.every(str), 'a list of strings']]),
  protocol: both(
    requireFields([['minReaderVersion', int, 'an integer'], ['minWriterVersion', int, 'an integer']]),
    optionalFields([['readerFeatures', (v) => Array.isArray(v) && v.every(str), 'a list of strings'], ['writerFeatures', (v) => Array.isArray(v) && v.every(str), 'a list of strings']]),
  ),
  commitInfo: () => undefined,
  txn: requireFields([['appId', str, 'a string'], ['version', num, 'a number']]),
  domainMetadata: requireFields([['domain', str, 'a string'], ['configuration', str, 'a string'], ['removed', bool, 'a boolean']]),
  cdc: requireFields([['path', str, 'a string'], ['partitionValues', isStringMap, 'a map of strings'], ['size', num, 'a number']]),
  checkpointMetadata: requireFields([['version', num, 'a number']]),
  sidecar: requireFields([['path', str, 'a string'], ['sizeInBytes', num, 'a number'], ['modificationTime', num, 'a number']]),
};

/** Fill in what the protocol lets writers omit, so readers see one shape. */
function normalise(type: ActionType, value: Record<string, unknown>): void {
  if (type === 'remove' && value.dataChange === undefined) value.dataChange = true;
  if (type === 'cdc' && value.dataChange === undefined) value.dataChange = false;
  if (type === 'metaData') {
    if (!isObject(value.configuration)) value.configuration = {};
  }
}

export function toAction(value: unknown, where: () => string): Action {
  if (!isObject(value)) throw new LakeError('Corrupt', `${where()}: an action must be a JSON object`);
  const keys = Object.keys(value);
  const type = keys.find((k) => knownTypes.has(k)) as ActionType | undefined;
  if (!type) {
    throw new LakeError('Corrupt', `${where()}: unknown action ${keys.length ? `"${keys[0]}"` : '(an empty object)'}`);
  }
  const body = value[type];
  if (!isObject(body)) throw new LakeError('Corrupt', `${where()}: action "${type}" must be an object`);
  const problem = checks[type](body);
  if (problem) throw new LakeError('Corrupt', `${where()}: ${type}: ${problem}`);
  normalise(type, body);
  return { [type]: body } as unknown as Action;
}

/**
 * Parse a JSON commit (or a V2 checkpoint's JSON) into actions, in file order.
 * `fileName` names the file in error messages.
 */
export function parseActions(content: Uint8Array | string, fileName: string): Action[] {
  const actions: Action[] = [];
  if (typeof content === 'string') {
    let lineNumber = 0;
    for (let start = 0; start <= content.length;) {
      let end = content.indexOf('\n', start);
      if (end < 0) end = content.length;
      const action = parseActionLine(content.slice(start, end), fileName, ++lineNumber);
      if (action) actions.push(action);
      start = end + 1;
    }
    return actions;
  }
  // Line by line from the bytes: a commit of hundreds of megabytes never becomes one string.
  const lines = new ActionLines(fileName);
  lines.push(content, actions);
  lines.end(actions);
  return actions;
}

/** Longest action line read; one JSON line this long is not a Delta action. */
export const maxActionLineBytes = 64 * 1024 * 1024;
/** Deepest nesting of objects and lists inside one action. */
export const maxActionDepth = 64;

/** Splits a commit's bytes into action lines as they arrive, chunk by chunk. */
export class ActionLines {
  private carry: Uint8Array = new Uint8Array(0);
  private lineNumber = 0;

  constructor(private readonly fileName: string) {}

  push(chunk: Uint8Array, into: Action[]): void {
    const bytes = this.carry.length > 0 ? concat(this.carry, chunk) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
      this.emit(bytes.subarray(start, end), into);
      start = end + 1;
    }
    this.carry = bytes.slice(start);
    if (this.carry.length > maxActionLineBytes) {
      throw new LakeError('Corrupt', `delta log ${this.fileName} line ${this.lineNumber + 1}: longer than ${maxActionLineBytes / 1024 / 1024} MB without a line break; not a Delta action`);
    }
  }

  end(into: Action[]): void {
    this.emit(this.carry, into);
    this.carry = new Uint8Array(0);
  }

  private emit(line: Uint8Array, into: Action[]): void {
    const action = parseActionLine(decoder.decode(line), this.fileName, ++this.lineNumber);
    if (action) into.push(action);
  }
}

function parseActionLine(text: string, fileName: string, lineNumber: number): Action | undefined {
  const line = text.trim();
  if (line === '') return undefined;
  const where = () => `delta log ${fileName} line ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new LakeError('Corrupt', `${where()}: not valid JSON (${(error as Error).message}); the file may be truncated`, { cause: error });
  }
  // Deeper values would overflow the stack of whatever walks them later (JSON.stringify, structured clone).
  if (isDeeperThan(value, maxActionDepth)) throw new LakeError('Corrupt', `${where()}: nested more than ${maxActionDepth} levels deep`);
  return toAction(value, where);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Actions of checkpoint rows (one row holds at most one non-null action column). */
export function toCheckpointActions(rows: Record<string, unknown>[], fileName: string): Action[] {
  const actions: Action[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? {};
    for (const type of actionTypes) {
      const body = row[type];
      if (body === null || body === undefined) continue;
      // A column that is not a struct (another writer's file, or not a checkpoint): toAction says so.
      const value = typeof body === 'object' && !Array.isArray(body) ? stripNulls(body as Record<string, unknown>) : body;
      actions.push(toAction({ [type]: value }, () => `checkpoint ${fileName} row ${i + 1}`));
    }
  }
  return actions;
}

/** Parquet gives every optional field as null; JSON omits them. Make checkpoints look like JSON. */
function stripNulls(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in body) {
    const value = body[key];
    if (value !== null) out[key] = value;
  }
  if ('partitionValues' in body && body.partitionValues === null) out.partitionValues = {};
  return out;
}
