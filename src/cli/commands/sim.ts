/**
 * `lakelab sim <scenario.json | built-in name> [--seed N] [--rules delta-rs|spark|ducklake]
 * [--format jsonl|table] [--fixtures DIR]`: the deterministic simulator in Node, printing the
 * trace and a summary (totals and each writer's figures) with the commits judged by the rule
 * set given (delta-rs's by default). A scenario that starts from a fixture finds it among the
 * samples, test/fixtures/delta, or the tables under DIR.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { runScenario } from '../../sim/runScenario.ts';
import { checkInvariants } from '../../sim/invariants.ts';
import { scenarioLibrary } from '../../sim/scenarioLibrary.ts';
import { validateScenario, type Scenario } from '../../sim/scenario.ts';
import { scenarioLimits } from '../../sim/scenarioLimits.ts';
import { toTraceJsonl } from '../../sim/trace.ts';
import { describeFigures, describeWriterFigures, noFigures, summarise } from '../../sim/figures.ts';
import type { ConflictRules } from '../../core/delta/conflicts/conflictChecker.ts';
import { flagInteger, flagString, hasFlag, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { simWaits } from '../../workers/simSettle.ts';
import { formatOption, help } from '../commonOptions.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { builtInFixtureFolders, folderFixtures } from '../fixtureFolders.ts';

export const simCommand: Command = {
  spec: {
    name: 'sim',
    summary: 'run a scenario of racing writers in virtual time and print its trace (sim --list names the built-in ones)',
    positionals: [{ name: '<scenario.json | name>', optional: true }],
    options: [
      { name: 'seed', takes: 'value', valueName: 'N', description: 'the run\'s seed (default 1): the same seed gives the same trace' },
      { name: 'rules', takes: 'value', valueName: 'RULES', description: 'judge commits by delta-rs\'s (default), Spark Delta\'s or DuckLake\'s rules: delta-rs, spark or ducklake' },
      formatOption('table'),
      { name: 'fixtures', takes: 'value', valueName: 'DIR', description: 'tables a scenario\'s "table": {"fixture": NAME} may name, besides public/samples and test/fixtures/delta' },
      { name: 'list', takes: 'switch', description: 'name the built-in scenarios' },
      help,
    ],
  },
  run: runSim,
};

async function runSim(args: ParsedArgs, io: Io): Promise<number> {
  const target = args.positionals[0];
  if (!target || hasFlag(args, 'list')) {
    for (const s of scenarioLibrary) io.stdout.write(`${s.name}\t${s.title}\n`);
    return 0;
  }
  const scenario = await loadScenario(target);
  const seed = flagInteger(args, 'seed') ?? 1;
  const format = toOutputFormat(flagString(args, 'format'), 'table');
  const extraFixtures = flagString(args, 'fixtures');
  const rules = toRules(flagString(args, 'rules'));
  const [{ loadParquetWasm }, { simOperations }] = await Promise.all([import('../../query/parquetWasm.ts'), import('../../workers/simOperationsNode.ts')]);
  await loadParquetWasm();
  const run = await runScenario(scenario, seed, {
    makeStore: (clock) => new MemoryStore({ clock }),
    operations: simOperations,
    ...simWaits,
    fixtures: folderFixtures(extraFixtures === undefined ? builtInFixtureFolders : [resolve(extraFixtures), ...builtInFixtureFolders]),
  }, rules);
  const problems = await checkInvariants(run, rules);
  const summary = summarise(run);
  if (format === 'jsonl') {
    io.stdout.write(toTraceJsonl(run, summary, problems));
  } else {
    writeRows(io.stdout, 'table', ['t', 'writer', 'kind', 'version', 'winningVersion', 'conflictKind', 'operation'], run.trace.map((e) => ({ ...e, t: `${e.t} ms` })));
    io.stdout.write(`\n${scenario.title} (seed ${seed}, ${rules} rules)\n`);
    for (const [writer, outcome] of Object.entries(run.outcomes)) io.stdout.write(`  ${writer}: ${describeWriterFigures(outcome, summary.writers[writer] ?? noFigures())}\n`);
    for (const lost of run.trace.filter((e) => e.kind === 'conflict' && e.advice)) io.stdout.write(`  ${lost.writer} at ${lost.t} ms: ${lost.advice}\n`);
    io.stdout.write(`  ${describeFigures(summary)}\n`);
    io.stdout.write(problems.length === 0 ? '  invariants: all hold\n' : `  INVARIANTS BROKEN:\n${problems.map((p) => `    ${p.message}`).join('\n')}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}

const ruleSets: readonly ConflictRules[] = ['delta-rs', 'spark', 'ducklake'];

function toRules(value: string | undefined): ConflictRules {
  if (value === undefined) return 'delta-rs';
  if (!(ruleSets as readonly string[]).includes(value)) throw new LakeError('InvalidInput', `--rules must be ${ruleSets.join(', ')}, got "${value}"`);
  return value as ConflictRules;
}

async function loadScenario(target: string): Promise<Scenario> {
  const builtIn = scenarioLibrary.find((s) => s.name === target);
  if (builtIn) return builtIn;
  let text: string;
  try {
    const { size } = await stat(target);
    if (size > scenarioLimits.bytes) throw new LakeError('InvalidInput', `${target} is ${size.toLocaleString('en')} bytes; a scenario file has at most ${scenarioLimits.bytes.toLocaleString('en')}`);
    text = await readFile(target, 'utf8');
  } catch (error) {
    if (error instanceof LakeError) throw error;
    throw new LakeError('NotFound', `"${target}" is neither a scenario file nor a built-in scenario (lakelab sim --list names them)`);
  }
  try {
    return validateScenario(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new LakeError('InvalidInput', `${target} is not valid JSON: ${error.message}`);
    throw error;
  }
}
