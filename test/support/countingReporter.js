// @ts-check
// Mocha's spec reporter, plus the run's counts written as JSON to $MTE_RESULTS_FILE so the
// orchestrator (and the code-server harness, whose host exits 0 even on failure) can trust them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  /** @param {Mocha.Runner} runner @param {Mocha.MochaOptions} options */
  constructor(runner, options) {
    super(runner, options);
    /** @type {{title: string, error: string}[]} */
    const failures = [];
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failures.push({ title: test.fullTitle(), error: String((err && err.stack) || err) });
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.MTE_RESULTS_FILE;
      if (!file) return;
      const stats = runner.stats || { passes: 0, failures: 0, pending: 0, tests: 0 };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures }, null, 2),
      );
    });
  }
}

module.exports = CountingReporter;
