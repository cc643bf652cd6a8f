/**
 * The layering of DESIGN.md, enforced: imports point one way, core and sim stay pure
 * (time and randomness injected), and each heavy library is imported in one place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(src, file).split(sep)[0] ?? '';

const allowedImports: Record<string, string[]> = {
  core: ['core'],
  storage: ['core', 'storage'],
  query: ['core', 'query'],
  sim: ['core', 'sim', 'storage'],
  workers: ['core', 'storage', 'query', 'sim', 'workers'],
  cli: ['core', 'storage', 'query', 'sim', 'workers', 'cli'],
  ui: ['core', 'storage', 'query', 'sim', 'workers', 'ui'],
};

function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? '');
  return specifiers;
}

const files = sourceFiles(src).map((path) => ({ path, layer: layerOf(path), text: readFileSync(path, 'utf8') }));

describe('architecture', () => {
  it('imports point one way between layers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const allowed = allowedImports[file.layer];
      if (!allowed) continue;
      for (const specifier of importsOf(file.text)) {
        if (!specifier.startsWith('.')) continue;
        const target = layerOf(join(file.path, '..', specifier));
        if (target !== file.layer && !allowed.includes(target)) {
          violations.push(`${relative(root, file.path)} imports ${specifier} (${file.layer} may not import ${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('core and sim import no packages and no platform modules', () => {
    const violations = files
      .filter((f) => f.layer === 'core' || f.layer === 'sim')
      .flatMap((f) => importsOf(f.text).filter((s) => !s.startsWith('.')).map((s) => `${relative(root, f.path)}: ${s}`));
    expect(violations).toEqual([]);
  });

  it('core and sim take time and randomness from their callers', () => {
    const banned = /Math\.random\(|Date\.now\(|new Date\(\)|performance\.now\(|crypto\.randomUUID/;
    const violations = files
      .filter((f) => f.layer === 'core' || f.layer === 'sim')
      .flatMap((f) => f.text.split('\n').map((line, i) => ({ line, at: `${relative(root, f.path)}:${i + 1}` })))
      .filter(({ line }) => banned.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(violations).toEqual([]);
  });

  it('duckdb-wasm and parquet-wasm are imported only under src/query', () => {
    const violations = files
      .filter((f) => f.layer !== 'query')
      .filter((f) => importsOf(f.text).some((s) => s.startsWith('@duckdb/duckdb-wasm') || s.startsWith('parquet-wasm')))
      .map((f) => relative(root, f.path));
    expect(violations).toEqual([]);
  });

  it('msal is confined to one file', () => {
    const importers = files.filter((f) => importsOf(f.text).some((s) => s.startsWith('@azure/msal-browser')));
    expect(importers.length).toBeLessThanOrEqual(1);
  });
  it("uses none of Arrow's builders, which compile code with new Function (the page's CSP forbids it: the rows would fail in the page)", () => {
    const builders = /\b(tableFromArrays|vectorFromArray|tableFromJSON|makeBuilder)\s*\(/;
    const offending = files.filter((f) => builders.test(f.text)).map((f) => relative(root, f.path));
    expect(offending).toEqual([]);
  });
});
