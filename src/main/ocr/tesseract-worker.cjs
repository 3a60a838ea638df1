/**
 * The OCR worker thread: tesseract.js's own Node worker script, loaded after every way out to the
 * network is shut. tesseract.js falls back to a CDN for language data it is not given; Claimdesk
 * always gives local files (engine.ts), and this makes a mistake there fail loudly instead of
 * fetching. Plain CommonJS, shipped as is (electron.vite.config.ts copies it next to the build).
 */
'use strict';
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design: shipped unbundled */
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');

const refuse = (what) => () => {
  throw new Error(`Claimdesk OCR never uses the network (refused: ${what})`);
};
globalThis.fetch = refuse('fetch');
for (const [name, mod] of Object.entries({ http, https })) {
  mod.request = refuse(`${name}.request`);
  mod.get = refuse(`${name}.get`);
}
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('socket.connect');
tls.connect = refuse('tls.connect');

require('tesseract.js/src/worker-script/node/index.js');
