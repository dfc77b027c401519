// The messages between the page (client.js) and the interpreter worker,
// defined once for both sides.
//
//   page -> worker
//     LOAD    { moduleUrl, version }        load glasspy.js/.wasm (or -st) once
//     RUN     { runId, source, filename,    run a whole program, after writing
//               files: [{ name, text }] }   files into the worker's filesystem
//     STOP    { runId }                     single-thread build: interrupt the
//                                           run (KeyboardInterrupt); the
//                                           pthread build is stopped through
//                                           shared memory instead (client.js)
//     INPUT_REPLY { runId, text }           single-thread build: the line for
//                                           input(); text null means EOF
//
//   worker -> page
//     READY   { memory, threads }           module loaded; memory is the shared
//                                           WebAssembly.Memory, or null when
//                                           the page cannot share it; threads
//                                           is 'pthreads' or 'green'
//     STARTED { runId, interruptAddress }   this run's flag word (see client.js)
//     OUTPUT  { runId, stream, text }       stream: 1 stdout, 2 stderr
//     INPUT   { runId }                     input() waits for an INPUT_REPLY
//     DONE    { runId, status, elapsedMs }  exit status as the CLI would return
//     FAILED  { message }                   the module could not load or crashed
export const LOAD = 'load';
export const RUN = 'run';
export const STOP = 'stop';
export const INPUT_REPLY = 'input-reply';
export const READY = 'ready';
export const STARTED = 'started';
export const OUTPUT = 'output';
export const INPUT = 'input';
export const DONE = 'done';
export const FAILED = 'failed';

export const STDOUT = 1;
export const STDERR = 2;
