/**
 * The SQL box's editor: CodeMirror 6 with SQL highlighting and completion of the open table's
 * name, its columns and its versions (`t@v3`). Loaded lazily (its own chunk) by SqlEditor.tsx.
 * CodeMirror styles itself with a <style> element in a document, which the page's CSP
 * (style-src 'self', docs/decisions/0009) blocks, and with constructed stylesheets in a shadow
 * root, which it allows: the editor lives in a shadow root of its host element.
 */
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { versionedName } from '../state/versionedNames.ts';

export interface SqlEditorOptions {
  parent: HTMLElement;
  doc: string;
  table: string;
  columns: string[];
  versions: number[];
  onChange: (text: string) => void;
  onRun: () => void;
}

const language = new Compartment();

/**
 * Typed text goes in as a transaction rather than by the browser editing the DOM: Chromium, typing
 * over a selection of highlighted text, carries the old text's look over as a style attribute,
 * which the page's CSP refuses (and reports). The input handlers (closing brackets) still run.
 */
const typedText = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.data === null || view.composing) return false;
    // Only typing over the editor's own selection needs it; anything else edits as CodeMirror does by default.
    const { from, to } = view.state.selection.main;
    if (from === to) return false;
    const text = event.data;
    const insert = () => view.state.update({
      changes: { from, to, insert: text },
      selection: { anchor: from + text.length },
      userEvent: 'input.type',
      scrollIntoView: true,
    });
    event.preventDefault();
    if (!view.state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, text, insert))) view.dispatch(insert());
    return true;
  },
});

function sqlFor(table: string, columns: string[], versions: number[]) {
  const tables: Record<string, string[]> = { [table]: columns };
  for (const v of versions) tables[versionedName(table, v)] = columns;
  return sql({ dialect: StandardSQL, schema: tables, defaultTable: table, upperCaseKeywords: true });
}

/** What completion offers, when the table, its columns or its versions change. */
export function setSqlCompletion(view: EditorView, table: string, columns: string[], versions: number[]): void {
  view.dispatch({ effects: language.reconfigure(sqlFor(table, columns, versions)) });
}

export function createSqlEditor(options: SqlEditorOptions): EditorView {
  const root = options.parent.shadowRoot ?? options.parent.attachShadow({ mode: 'open' });
  return new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        language.of(sqlFor(options.table, options.columns, options.versions)),
        keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        placeholder('SELECT * FROM …'),
        EditorView.lineWrapping,
        typedText,
        EditorView.contentAttributes.of({ 'aria-label': 'SQL query', 'data-testid': 'sql-input' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        EditorView.theme({
          '&': { border: '1px solid var(--border)', borderRadius: '4px', background: 'var(--panel)', color: 'inherit', minHeight: '5.5rem' },
          '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', caretColor: 'currentColor' },
          '&.cm-focused': { outline: '2px solid var(--accent)' },
        }),
      ],
    }),
  });
}
