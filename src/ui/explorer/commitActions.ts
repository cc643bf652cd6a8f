/** How the Log view shows a commit: a count of its actions by type, then the actions a page at a time. */

/** Actions drawn at first, and added by each "show more": a commit can hold 100,000 adds. */
export const actionsPerPage = 200;

/** "3 actions: 1 commitInfo, 1 metaData, 1 add", types in the order they first appear. */
export function describeActionCounts(actions: readonly Record<string, unknown>[], noun = 'action'): string {
  const counts = new Map<string, number>();
  for (const action of actions) {
    const type = Object.keys(action)[0] ?? 'unknown';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const parts = [...counts].map(([type, count]) => `${count.toLocaleString('en-US')} ${type}`);
  return `${actions.length.toLocaleString('en-US')} ${noun}${actions.length === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
