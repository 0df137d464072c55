// Preloaded into a child zwgk (node --require) by the interruption tests: every flush of a file to disk
// takes two seconds, so that a signal can be sent while an output is half-written, deterministically.
const fs = require('node:fs');
const { promisify } = require('node:util');
const sleep = promisify(setTimeout);
const open = fs.promises.open;
fs.promises.open = async (...args) => {
  const handle = await open(...args);
  const datasync = handle.datasync.bind(handle);
  handle.datasync = async () => {
    await sleep(2000);
    return datasync();
  };
  return handle;
};
require('node:module').syncBuiltinESMExports();
