import { render } from 'preact';
import { App } from './app.jsx';
import { startInterpreter } from './state/run.js';
import './styles.css';

// Start loading the module right away; it takes a moment, and the learner
// reads the example meanwhile.
startInterpreter();
render(<App />, document.getElementById('app'));
