import { useState } from 'preact/hooks';
import { files, activeName, editedNames, showFile, addFile, removeFile } from '../state/examples.js';

// The files of the program, one tab each; the first is the one that runs.
// Arrow keys move between tabs, as in any tab list. "+" adds a module the
// program can import; a module (never the main file) can be removed again.
export function FileTabs() {
  const list = files.value;
  const onKeyDown = (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = list.findIndex((f) => f.name === activeName.value);
    const next = list[(index + step + list.length) % list.length].name;
    showFile(next);
    event.currentTarget.closest('.tabs').querySelector(`[data-file="${CSS.escape(next)}"]`)?.focus();
  };
  return (
    <div class="tabs" data-testid="file-tabs">
      <div class="tab-list" role="tablist" aria-label="Files of this program">
        {list.map((file, index) => {
          const active = file.name === activeName.value;
          return (
            <div key={file.name} class={`tab${active ? ' tab-active' : ''}`}>
              <button type="button" role="tab" class="tab-button" data-file={file.name}
                      aria-selected={active ? 'true' : 'false'} tabIndex={active ? 0 : -1}
                      title={index === 0 ? `${file.name}: the file that runs` : `${file.name}: a module the program imports`}
                      onClick={() => showFile(file.name)} onKeyDown={onKeyDown}>
                <span class="tab-name">{file.name}</span>
                {index === 0 && list.length > 1 && <span class="tab-role">runs</span>}
                {editedNames.value.has(file.name) && <span class="tab-edited" aria-label="(edited)" title="edited">●</span>}
              </button>
              {index > 0 && (
                <button type="button" class="tab-close" aria-label={`Remove ${file.name}`} title={`Remove ${file.name}`}
                        onClick={() => removeFile(file.name)}>×</button>
              )}
            </div>
          );
        })}
      </div>
      <NewFile />
    </div>
  );
}

// "+", then a name field: Enter adds the module, Escape gives up.
function NewFile() {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState('');
  if (!open) {
    return (
      <button type="button" class="tab-add" title="Add a module that the program can import"
              aria-label="Add a module" onClick={() => { setProblem(''); setOpen(true); }}>+</button>
    );
  }
  const onKeyDown = (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const why = addFile(event.currentTarget.value);
      if (why) setProblem(why);
      else setOpen(false);
    }
  };
  return (
    <span class="tab-new">
      <input class="tab-new-name" type="text" placeholder="helper.py" aria-label="Name of the new module"
             spellcheck={false} autocomplete="off" autoFocus aria-invalid={problem ? 'true' : undefined}
             onKeyDown={onKeyDown} onBlur={() => setOpen(false)} onInput={() => setProblem('')} />
      {problem && <span class="tab-new-problem" role="alert"
                             title="A module's name is a Python identifier (letters, digits, _; not starting with a digit) plus .py">{problem}</span>}
    </span>
  );
}
