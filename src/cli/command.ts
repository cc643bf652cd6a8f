/** What a `lakelab` command is: the arguments it declares (args.ts parses against them) and what it runs. */
import type { CommandSpec, ParsedArgs } from './args.ts';
import type { Writer } from './output.ts';

export interface Io {
  stdout: Writer;
  stderr: Writer;
}

export interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs, io: Io): Promise<number>;
}
