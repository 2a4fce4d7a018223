#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build:cli` (run by `npm ci` through `prepare`).
require('../dist/cli.js');
