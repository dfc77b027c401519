import { files, activeName, editedNames, showFile } from '../state/examples.js';

// The files of the program, one tab each; the first is the one that runs.
// Arrow keys move between tabs, as in any tab list.
export function FileTabs() {
  const list = files.value;
  const onKeyDown = (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = list.findIndex((f) => f.name === activeName.value);
    const next = list[(index + step + list.length) % list.length].name;
    showFile(next);
    event.currentTarget.parentElement.querySelector(`[data-file="${CSS.escape(next)}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Files of this program" data-testid="file-tabs">
      {list.map((file, index) => {
        const active = file.name === activeName.value;
        return (
          <button type="button" role="tab" key={file.name} class="tab" data-file={file.name}
                  aria-selected={active ? 'true' : 'false'} tabIndex={active ? 0 : -1}
                  title={index === 0 ? `${file.name}: the file that runs` : `${file.name}: a module the program imports`}
                  onClick={() => showFile(file.name)} onKeyDown={onKeyDown}>
            <span class="tab-name">{file.name}</span>
            {index === 0 && list.length > 1 && <span class="tab-role">runs</span>}
            {editedNames.value.has(file.name) && <span class="tab-edited" aria-label="(edited)" title="edited">●</span>}
          </button>
        );
      })}
    </div>
  );
}
