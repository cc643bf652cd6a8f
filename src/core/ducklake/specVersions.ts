/**
 * The DuckLake spec versions Lakelab reads: exactly the ones DuckDB 1.5.5's ducklake extension
 * accepts ("Only DuckLake versions 0.1, 0.2, 0.3-dev1, 0.3, 0.4-dev1, 0.4, 1.0 are supported").
 * A development version ("0.3-dev1") sits between its predecessor and its release: catalogs
 * written by development builds hold some of the release's changes, not necessarily all.
 */
import { LakeError } from '../errors.ts';

export const ducklakeSpecVersions = ['0.1', '0.2', '0.3-dev1', '0.3', '0.4-dev1', '0.4', '1.0'] as const;

export type DucklakeSpecVersion = (typeof ducklakeSpecVersions)[number];

/** The releases, in order; a development version is ranked with the release it leads to. */
export type DucklakeRelease = '0.1' | '0.2' | '0.3' | '0.4' | '1.0';

const releases: readonly DucklakeRelease[] = ['0.1', '0.2', '0.3', '0.4', '1.0'];

export function isDucklakeSpecVersion(value: string): value is DucklakeSpecVersion {
  return (ducklakeSpecVersions as readonly string[]).includes(value);
}

/** The version a catalog's ducklake_metadata names, or Unsupported naming what it found. */
export function toSpecVersion(value: unknown, catalogName: string): DucklakeSpecVersion {
  const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
  if (isDucklakeSpecVersion(text)) return text;
  const found = text === '' ? 'no version' : `version "${text}"`;
  throw new LakeError(
    'Unsupported',
    `${catalogName}: DuckLake catalog with ${found} in ducklake_metadata; Lakelab reads spec versions ${ducklakeSpecVersions.join(', ')} (as DuckDB 1.5's ducklake extension does)`,
  );
}

/** The release a version is or leads to. */
export function releaseOf(version: DucklakeSpecVersion): DucklakeRelease {
  return version.endsWith('-dev1') ? (version.slice(0, 3) as DucklakeRelease) : (version as DucklakeRelease);
}

export function isDevelopmentVersion(version: DucklakeSpecVersion): boolean {
  return version.endsWith('-dev1');
}

/** -1, 0 or 1 as release `a` comes before, is, or comes after release `b`. */
export function compareReleases(a: DucklakeRelease, b: DucklakeRelease): number {
  return Math.sign(releases.indexOf(a) - releases.indexOf(b));
}
