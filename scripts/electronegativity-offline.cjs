// Required by scripts/electronegativity.js before @doyensec/electronegativity's runner: the tool
// fetches translations and Electron's release list over the network (the latter with no timeout,
// which hangs where the network drops packets). Its only HTTP client, `got`, is replaced by one that
// fails at once, so the scan is offline and deterministic; the tool then uses its bundled English.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module');

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('network disabled for electronegativity'));
    return Object.assign(offline, {
      default: offline,
      get: offline,
      head: offline,
      stream: offline,
    });
  }
  return load.call(this, request, ...rest);
};
