// Records the plain line CI reads, "N passed, N failed": printed after jest's own
// summary, and written to $DAYBOOK_SUMMARY_FILE when set, so .ci/run can end with it.
const { writeFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
    if (process.env.DAYBOOK_SUMMARY_FILE) writeFileSync(process.env.DAYBOOK_SUMMARY_FILE, line + '\n');
  }
}
module.exports = SummaryReporter;
