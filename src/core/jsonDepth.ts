/**
 * How deep a parsed JSON value nests, measured without recursion: JSON.parse accepts any depth,
 * but the code that walks a value afterwards (JSON.stringify, structured clone, recursive
 * validation) overflows the stack on one nested a few thousand levels deep.
 */
export function isDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth + 1 > limit) return true;
    const children = Array.isArray(next) ? next : Object.values(next as Record<string, unknown>);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
