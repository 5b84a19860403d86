// The proxy agents log through `debug`, which prints only when DEBUG is set in the extension host's
// environment; the extension logs to its own channel, so a silent logger saves ~10 KB of bundle.
'use strict';
function createDebug() {
  const log = () => undefined;
  log.enabled = false;
  log.extend = createDebug;
  return log;
}
module.exports = createDebug;
module.exports.default = createDebug;
