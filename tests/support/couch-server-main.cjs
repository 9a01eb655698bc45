// A CouchDB-protocol server for the sync tests: PouchDB's express-pouchdb on in-memory storage,
// behind a layer that answers as CouchDB 3 does (couch-server-couch3.cjs), run as its own process
// so a test can stop it, or kill it, like a real server.
// Usage: node couch-server-main.cjs   (env COUCH_ADMIN=name:password makes that server admin)
// Prints "listening <port>" once it accepts requests.
'use strict';
const http = require('node:http');
const { createCouch3Layer } = require('./couch-server-couch3.cjs');

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'));
const MemoryPouchDB = PouchDB.defaults({ adapter: 'memory' });

const app = require('express-pouchdb')(MemoryPouchDB, {
  mode: 'fullCouchDB', // _session, _users, _security and 401s, as Apache CouchDB has them
  inMemoryConfig: true,
  logPath: '/dev/null', // its request log is of no use to the tests
  overrideMode: { exclude: ['routes/fauxton'] },
});

// express-pouchdb 4.2 with its security plugin makes PouchDB.new() return a promise, and then
// `PUT /db` crashes the process (pouchdb-server issue #359). Give that promise the one method it is
// asked for, so creating a database works as on CouchDB.
function patchNew() {
  const construct = MemoryPouchDB.new;
  if (!construct || construct.patchedForInfo) return;
  const patched = function (...args) {
    const made = construct.apply(this, args);
    if (made && typeof made.then === 'function' && typeof made.info !== 'function') {
      made.info = (callback) => made.then((db) => db.info(callback), callback);
    }
    return made;
  };
  patched.patchedForInfo = true;
  MemoryPouchDB.new = patched;
}

// COUCH_CORS=1: answer cross-origin requests from any origin, with credentials, as a CouchDB with
// [cors] enabled does. The browser tests need it: Chromium cannot grant an optional host permission
// without a person clicking its dialog, and without that permission the extension's requests are
// cross-origin.
const cors = process.env.COUCH_CORS === '1';
function allowCrossOrigin(req, res) {
  const origin = req.headers.origin;
  if (!origin) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('vary', 'origin');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, PUT, POST, HEAD, DELETE',
    'access-control-allow-headers': req.headers['access-control-request-headers'] || 'accept, authorization, content-type',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
}

// The PouchDB server itself listens on a port of its own; the layer in front is the one tests see.
const inner = http.createServer((req, res) => {
  patchNew();
  app(req, res);
});

const adminSetting = process.env.COUCH_ADMIN ?? '';
const admin = { name: adminSetting.slice(0, adminSetting.indexOf(':')), password: adminSetting.slice(adminSetting.indexOf(':') + 1) };

inner.listen(0, '127.0.0.1', async () => {
  const innerPort = inner.address().port;
  if (admin.name) {
    const answer = await fetch(`http://127.0.0.1:${innerPort}/_config/admins/${encodeURIComponent(admin.name)}`, {
      method: 'PUT',
      body: JSON.stringify(admin.password),
    });
    if (!answer.ok) throw new Error(`could not make ${admin.name} admin: ${answer.status}`);
  }
  const layer = createCouch3Layer({ innerPort, admin });
  const server = http.createServer((req, res) => {
    if (cors && allowCrossOrigin(req, res)) return;
    layer.handle(req, res);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
});

// The parent going away must not leave a server behind.
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
