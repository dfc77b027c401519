import { groups, selectedId, selectExample } from '../state/examples.js';

// The catalogue, in sections. Wide screens get the list; narrow ones a
// drop-down with the same sections (CSS shows one of the two).
export function ExamplePicker() {
  return (
    <nav class="examples" aria-label="Examples">
      <h2 class="panel-title">Examples</h2>
      <select class="example-select" aria-label="Choose an example" value={selectedId.value}
              onChange={(event) => selectExample(event.currentTarget.value)}>
        {groups.map((group) => (
          <optgroup key={group.name} label={group.name}>
            {group.examples.map((example) => (
              <option key={example.id} value={example.id}>{example.title}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <div class="example-groups">
        {groups.map((group) => (
          <section key={group.name} class="example-group">
            <h3 class="example-group-title">{group.name}</h3>
            <ol class="example-list">
              {group.examples.map((example) => (
                <li key={example.id}>
                  <button type="button" class="example-item"
                          aria-current={selectedId.value === example.id ? 'true' : undefined}
                          onClick={() => selectExample(example.id)}>
                    {example.title}
                    {example.files.length > 1 && ' '}
                    {example.files.length > 1 && (
                      <span class="example-files" title={example.files.map((f) => f.name).join(', ')}>
                        {example.files.length} files
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </nav>
  );
}
