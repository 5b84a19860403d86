// node-fetch 2 falls back to the whatwg-url package only where Node has no URL class; Node 20 has
// one, so the bundle takes Node's instead of carrying ~280 KB of tr46/whatwg-url that never run.
'use strict';
module.exports = { URL: require('node:url').URL };
