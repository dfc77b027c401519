import { useEffect } from 'preact/hooks';
import { Header } from './components/Header.jsx';
import { ExamplePicker } from './components/ExamplePicker.jsx';
import { ExampleNotes } from './components/ExampleNotes.jsx';
import { CodeEditor } from './components/CodeEditor.jsx';
import { RunControls } from './components/RunControls.jsx';
import { OutputPane } from './components/OutputPane.jsx';
import { CpythonReference } from './components/CpythonReference.jsx';
import { FileTabs } from './components/FileTabs.jsx';
import { activeFile, editActiveFile } from './state/examples.js';
import { runProgram } from './state/run.js';
import { headerSpan } from './examples/header.js';

export function App() {
  // Ctrl/Cmd+Enter also runs when the focus is outside the editor.
  useEffect(() => {
    const onKey = (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        runProgram();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="app">
      <Header />
      <main class="workspace">
        <ExamplePicker />
        <ExampleNotes />
        <div class="column column-code">
          <div class="panel panel-editor">
            <FileTabs />
            <CodeEditor doc={activeFile} onChange={editActiveFile} onRun={runProgram} label="Python program"
                        foldOnLoad={headerSpan} />
          </div>
          <RunControls />
        </div>
        <div class="column column-output">
          <OutputPane />
          <CpythonReference />
        </div>
      </main>
    </div>
  );
}
