// A CodeMirror 6 editor bound to a string signal. CodeMirror keeps its own
// document; this component copies edits out to the signal and copies outside
// changes (picking another example) back in.
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

// value: a signal holding the text. onChange(text) on every edit.
// onRun(): Ctrl+Enter (Cmd+Enter on a Mac), which outranks CodeMirror's own
// binding of that key.
// foldOnLoad(text): a { from, to } range to show folded whenever a new text
// arrives from outside (the example's header), or null.
export function CodeEditor({ value, onChange, onRun, label, foldOnLoad = () => null }) {
  const host = useRef(null);
  const view = useRef(null);
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const runKey = Prec.highest(keymap.of([
      { key: 'Mod-Enter', run: () => { callbacks.current.onRun(); return true; } },
    ]));
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value.peek(),
        extensions: [
          runKey,
          basicSetup,
          keymap.of([indentWithTab]),  // Python needs Tab; Esc then Tab leaves the editor
          python(),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    fold(view.current, foldOnLoad);
    return () => view.current.destroy();
  }, []);

  useSignalEffect(() => {
    const text = value.value;
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== text) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
      fold(editor, foldOnLoad);
    }
  });

  return <div class="editor" ref={host} />;
}

function fold(editor, foldOnLoad) {
  const range = foldOnLoad(editor.state.doc.toString());
  if (range) editor.dispatch({ effects: foldEffect.of(range) });
}
