/** The entry point bundled into build/cli/ (`npm run build:cli`), which bin/lakelab.mjs runs. */
import { main } from './main.ts';
import { endQuietlyWhenClosed } from './closedPipe.ts';

process.exitCode = await main(process.argv.slice(2), { stdout: endQuietlyWhenClosed(process.stdout), stderr: endQuietlyWhenClosed(process.stderr) });
