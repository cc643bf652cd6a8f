// `npm run build:cli` (and `npm install`, through `prepare`): bundles the CLI (src/cli/bin.ts)
// into build/cli/ with esbuild, so `lakelab` starts without compiling TypeScript. npm packages
// stay external, loaded from node_modules; the commands' dynamic imports become chunks loaded
// when a command needs them (docs/decisions/0018). The chunks sit beside the entry: code that
// finds the repository from its own folder (src/cli/fixtureFolders.ts) is two folders down in
// both places.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'build', 'cli');

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  // The encoding threads' module is an entry of its own: a worker thread loads it by file (src/workers/encodePoolNode.ts).
  entryPoints: { bin: join(root, 'src', 'cli', 'bin.ts'), encodeThreadNode: join(root, 'src', 'workers', 'encodeThreadNode.ts') },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  absWorkingDir: root,
  metafile: true,
  logLevel: 'warning',
});
// What each output imports, statically or on demand: src/cli/bin.test.ts checks start-up loads no package.
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(metafile));
