import { examples, selectedId, selectExample } from '../state/examples.js';

export function ExamplePicker() {
  return (
    <nav class="examples" aria-label="Examples">
      <h2 class="panel-title">Examples</h2>
      <ol class="example-list">
        {examples.map((example) => (
          <li key={example.id}>
            <button type="button" class="example-item"
                    aria-current={selectedId.value === example.id ? 'true' : undefined}
                    onClick={() => selectExample(example.id)}>
              {example.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
