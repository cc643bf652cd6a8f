/**
 * A store key as the path of a URL, and what a server sends back for it.
 *
 * `add.path` is URI-encoded (`letter=%252F` names the folder `letter=%2F`); toDataFileKey
 * decodes it once into the key, which is the file's name on disk. Here the key is encoded again
 * for the URL, escaping only what a path segment cannot hold as it is (RFC 3986 `pchar`): `=`,
 * `:`, `@`, `+` ... stay literal. Static servers decode paths in one of two ways, and this form
 * reads back the same under both: vite and sirv use decodeURI, which leaves `%3D` (and every
 * escape of a reserved character) as it is, so `letter%3Da/` named no file there; nginx and
 * Python's http.server decode every escape.
 */
export function toUrlPath(key: string): string {
  return key.split('/').map(toUrlSegment).join('/');
}

function toUrlSegment(segment: string): string {
  // encodeURI escapes `%`, spaces and every non-ASCII character; `?` and `#` would end the path.
  return encodeURI(segment).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

/** What a key is, as a person would say it in an error. */
export function describeObject(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (name === 'lakelab-index.json') return 'a listing index';
  if (name.endsWith('.parquet')) return 'a Parquet file';
  if (key.includes('_delta_log/')) return 'a Delta log file';
  if (name.endsWith('.bin')) return 'a deletion vector file';
  if (name.endsWith('.json')) return 'a JSON file';
  return `the file ${name}`;
}

/** A server that answers every path it lacks with its index.html (a single-page app's fallback) sends a web page. */
export function isWebPage(contentType: string | null, key: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? '') && !/\.x?html?$/i.test(key);
}
