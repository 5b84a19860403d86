// @ts-check
// Mocha's spec reporter, plus the run's counts written as JSON to $MTE_RESULTS_FILE so the
// orchestrator (and the code-server harness, whose host exits 0 even on failure) can trust them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  /** @param {Mocha.Runner} runner @param {Mocha.MochaOptions} options */
  constructor(runner, options) {
    super(runner, options);
    /** @type {{title: string, error: string}[]} */
    const failures = [];
    /** @type {{title: string, state: string, ms?: number}[]} */
    const tests = [];
    runner.on(EVENT_TEST_PASS, (test) => tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on(EVENT_TEST_PENDING, (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      failures.push({ title: test.fullTitle(), error: String((err && err.stack) || err) });
      tests.push({ title: test.fullTitle(), state: 'failed' });
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.MTE_RESULTS_FILE;
      if (!file) return;
      const stats = runner.stats || { passes: 0, failures: 0, pending: 0, tests: 0 };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures, tests }, null, 2));
    });
  }
}

module.exports = CountingReporter;
