/** The help text: one command's, drawn from its declaration, and the overview of them all. */
import type { CommandSpec, OptionSpec } from './args.ts';

export function toCommandUsage(spec: CommandSpec): string {
  const positionals = spec.positionals.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(' ');
  const label = (o: OptionSpec) => {
    const value = o.takes === 'value' ? ` ${o.valueName ?? 'VALUE'}` : o.takes === 'switchOrValue' ? `[=${o.valueName ?? 'VALUE'}]` : '';
    return `--${o.name}${value}`;
  };
  const width = Math.max(...spec.options.map((o) => label(o).length));
  const lines = spec.options.map((o) => `  ${label(o).padEnd(width)}  ${o.description}${o.repeatable ? ' (repeatable)' : ''}`);
  return `Usage: lakelab ${spec.name} ${positionals}${spec.options.length > 0 ? ' [options]' : ''}\n${spec.summary}\n\nOptions:\n${lines.join('\n')}\n`;
}

export function toOverview(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  const line = (s: CommandSpec) => `  ${s.name.padEnd(width)}  ${s.summary}`;
  const group = (names: string[]) => specs.filter((s) => names.includes(s.name)).map(line).join('\n');
  return `Usage: lakelab <command> <table> [options]     lakelab help <command> (or <command> --help) lists a command's options

Reading (any Delta table in a local folder, or a DuckLake catalog file with --table):
${group(['history', 'schema', 'files', 'scan', 'index'])}

Writing (optimistic concurrency, as delta-rs commits):
${group(['create', 'append', 'overwrite', 'delete', 'update', 'merge'])}
  Success prints {"version", "metrics", ...} as JSON; a lost race prints delta-rs's message and exits with code 3.

Simulating racing writers (virtual time, replayable):
${group(['sim'])}

Errors print to stderr as "lakelab: <Code>: <message>" and exit with code 1; arguments the command
does not take (an unknown option, a stray argument, an option without its value) exit with code 2.
`;
}
