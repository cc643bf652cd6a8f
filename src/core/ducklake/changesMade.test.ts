import { describe, expect, it } from 'vitest';
import { parseChangesMade } from './changesMade.ts';

// changes_made values as DuckDB 1.5.5's ducklake extension wrote them (test/fixtures/ducklake).
describe('parseChangesMade', () => {
  it('reads quoted names, with commas and doubled quotes inside them', () => {
    expect(parseChangesMade('created_schema:"we,ird"')).toEqual([{ kind: 'created_schema', schema: 'we,ird' }]);
    expect(parseChangesMade('created_table:"we,ird"."a""b, c"')).toEqual([{ kind: 'created_table', schema: 'we,ird', name: 'a"b, c' }]);
  });

  it('reads ids and several changes in one snapshot', () => {
    expect(parseChangesMade('created_table:"main"."scratch",inserted_into_table:4')).toEqual([
      { kind: 'created_table', schema: 'main', name: 'scratch' },
      { kind: 'inserted_into_table', id: 4 },
    ]);
    expect(parseChangesMade('deleted_from_table:1,inline_flush:1').map((c) => c.kind)).toEqual(['deleted_from_table', 'inline_flush']);
  });

  it('knows every kind the extension writes, the 0.3 spelling of a flush too', () => {
    const kinds = ['created_view:"main"."v1"', 'created_scalar_macro:"main"."add_one"', 'created_table_macro:"main"."tm"', 'dropped_scalar_macro:4',
      'dropped_table_macro:5', 'dropped_view:3', 'dropped_table:2', 'dropped_schema:1', 'altered_table:1', 'altered_view:3', 'compacted_table:1',
      'inlined_insert:1', 'inlined_delete:1', 'flushed_inlined:1', 'merge_adjacent:1', 'rewrite_delete:1'];
    expect(parseChangesMade(kinds.join(',')).filter((c) => c.kind === 'unknown')).toEqual([]);
  });

  it('keeps what it does not know, and reads nothing from null', () => {
    expect(parseChangesMade('teleported_table:9')).toEqual([{ kind: 'unknown', text: 'teleported_table:9' }]);
    expect(parseChangesMade(null)).toEqual([]);
  });
});
