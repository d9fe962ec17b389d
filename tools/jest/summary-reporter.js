// Prints the plain closing line CI reads ("tests: N passed, N failed") as the very last output,
// after Jest's own summary (which Jest writes after reporters' onRunComplete).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.once('exit', () => process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed\n`));
  }
}
module.exports = SummaryReporter;
