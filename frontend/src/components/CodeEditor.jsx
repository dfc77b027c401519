// A CodeMirror 6 editor bound to a signal of the document to show. CodeMirror
// keeps its own document; this component copies edits out (onChange) and
// copies outside changes back in (reverting, picking another example).
//
// One view shows several files in turn (the tabs of a program of several
// files). Each file gets its own EditorState, kept while another file is
// shown, so undo never reaches across files and each keeps its cursor.
import { useEffect, useRef } from 'preact/hooks';
import { useSignalEffect } from '@preact/signals';
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { foldEffect } from '@codemirror/language';
import { python } from '@codemirror/lang-python';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--surface)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--faint)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--muted)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused': { outline: 'none' },
});

// doc: a signal of { id, text, fold }: id names the file (a new id shows
// another file), fold says whether to fold its header when it first shows.
// onChange(text) on every edit. onRun(): Ctrl+Enter (Cmd+Enter on a Mac),
// which outranks CodeMirror's own binding of that key.
// foldOnLoad(text): a { from, to } range to show folded whenever a new text
// arrives from outside (the example's header), or null.
export function CodeEditor({ doc, onChange, onRun, label, foldOnLoad = () => null }) {
  const host = useRef(null);
  const view = useRef(null);
  const shownId = useRef(null);
  const states = useRef(new Map());  // id -> EditorState of a file not shown now
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  const extensions = useRef(null);
  if (extensions.current === null) {
    extensions.current = [
      Prec.highest(keymap.of([
        { key: 'Mod-Enter', run: () => { callbacks.current.onRun(); return true; } },
      ])),
      basicSetup,
      keymap.of([indentWithTab]),  // Python needs Tab; Esc then Tab leaves the editor
      python(),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
      }),
    ];
  }

  const fresh = (text) => EditorState.create({ doc: text, extensions: extensions.current });

  useEffect(() => {
    const { id, text, fold: foldIt } = doc.peek();
    view.current = new EditorView({ parent: host.current, state: fresh(text) });
    shownId.current = id;
    if (foldIt) fold(view.current, foldOnLoad);
    return () => view.current.destroy();
  }, []);

  useSignalEffect(() => {
    const { id, text, fold: foldIt } = doc.value;
    const editor = view.current;
    if (!editor) return;
    if (id !== shownId.current) {
      // Another file: park this one's state, bring back (or make) the other's.
      states.current.set(shownId.current, editor.state);
      const kept = states.current.get(id);
      states.current.delete(id);
      const reuse = kept && kept.doc.toString() === text;
      editor.setState(reuse ? kept : fresh(text));
      shownId.current = id;
      if (!reuse && foldIt) fold(editor, foldOnLoad);
    } else if (editor.state.doc.toString() !== text) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
      if (foldIt) fold(editor, foldOnLoad);
    }
  });

  return <div class="editor" ref={host} />;
}

function fold(editor, foldOnLoad) {
  const range = foldOnLoad(editor.state.doc.toString());
  if (range) editor.dispatch({ effects: foldEffect.of(range) });
}
