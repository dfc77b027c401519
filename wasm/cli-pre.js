// Prepended to glasspy-cli.js. The launcher script passes its own path in
// GLASSPY_ARGV0 so that main() sees the argv[0] the user typed (as the native
// CLI does) rather than the path of this .js file, which Node would supply.
if (typeof process === 'object' && process.env && process.env.GLASSPY_ARGV0) {
  Module['thisProgram'] = process.env.GLASSPY_ARGV0;
}
