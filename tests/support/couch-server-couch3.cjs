// The CouchDB 3 layer of the test server: an HTTP front to the PouchDB server (express-pouchdb)
// that answers as Apache CouchDB 3.x and IBM Cloudant do wherever sync depends on it. Each
// behaviour cites the CouchDB source (github.com/apache/couchdb, src/…) or doc it follows.
// Every behaviour is on by default; `configure` (PUT /_interlinear_test/config) changes them.
'use strict';
const crypto = require('node:crypto');
const http = require('node:http');

/** CouchDB 3's defaults, as rel/overlay/etc/default.ini and the code have them. */
const DEFAULTS = {
  // [couchdb] max_document_size = 8000000 (bytes, default.ini). Cloudant: 1 MB per document.
  maxDocumentSize: 8_000_000,
  // [chttpd] max_http_request_size = 4294967296 (default.ini). Cloudant: 64 MB; proxies often 1 MB.
  maxRequestSize: 4_294_967_296,
  // Who answers an oversized request: CouchDB itself (JSON) or a reverse proxy in front (HTML).
  requestLimitBy: 'couchdb',
  // [chttpd_auth_lockout] mode = enforce, threshold = 5, max_lifetime = 300000 (3.4, default.ini).
  lockout: { threshold: 5, maxLifetimeMs: 300_000 },
  // [couchdb] default_security = admin_only (couch_db_updater.erl, default_security_object/1).
  defaultSecurity: 'admin_only',
  // 'opaque': CouchDB 2+'s "N-g1AAAA…" strings; 'integer': PouchDB Server and CouchDB 1.x.
  sequences: 'opaque',
  // Answer writes 202 and keep stale ones as conflict branches, as a cluster without quorum does.
  accepted: false,
  // Cloudant's rate limit: this many requests answered 429 with Retry-After.
  tooManyRequests: { count: 0, retryAfterSeconds: 1 },
  // Cloudant's provisioned writes per second (0: unlimited), each document of a _bulk_docs one write.
  writesPerSecond: 0,
  // A slow link: _changes answers after this many ms per row.
  changesDelayMsPerRow: 0,
  // A server that sends every http:// request to https://.
  redirectToHttps: false,
  // IAM access tokens live this long (IBM Cloud: 3600 s).
  iamTokenSeconds: 3600,
};

const LOCKOUT_REASON = 'Account is temporarily locked due to multiple authentication failures'; // couch_httpd_auth.erl
const MALFORMED_SINCE = "Malformed sequence supplied in 'since' parameter."; // fabric_view_changes.erl

function createCouch3Layer({ innerPort, admin }) {
  let config = structuredClone(DEFAULTS);
  /** Database name → the id its sequences carry (a new one when the database is made again). */
  const databaseIds = new Map();
  /** "ip user" → { count, since } of failed logins (couch_auth_lockout.erl keys by peer and user). */
  const failures = new Map();
  /** IAM: API key → user, token → { user, expires }. */
  const iamKeys = new Map();
  const iamTokens = new Map();
  /** Users' passwords, so an IAM token can be passed on as that user's Basic login. */
  const passwords = new Map();
  /** Database → design document name → its validate_doc_update (see validated() below). */
  const validators = new Map();
  const adminAuthorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  let requestCount = 0;
  /** Writes taken in Cloudant's sliding one-second window: [time, count]. */
  let writes = [];

  function forward(method, path, headers, body) {
    return new Promise((resolve, reject) => {
      const outgoing = { ...headers, host: `127.0.0.1:${innerPort}` };
      delete outgoing['content-length'];
      delete outgoing['transfer-encoding'];
      delete outgoing['accept-encoding']; // the layer reads every answer: no compressed ones

      if (body !== undefined) outgoing['content-length'] = String(Buffer.byteLength(body));
      const request = http.request({ host: '127.0.0.1', port: innerPort, method, path, headers: outgoing }, (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }
  const asAdmin = (method, path, json) =>
    forward(method, path, { authorization: adminAuthorization, 'content-type': 'application/json', accept: 'application/json' }, json === undefined ? undefined : JSON.stringify(json));

  function send(res, status, json, headers = {}) {
    const body = JSON.stringify(json);
    res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'must-revalidate' });
    res.end(body);
  }

  // --- sequences: chttpd hands out opaque strings, "N-" + base64url(term) (fabric_view_changes.erl
  // pack_seqs/1); validate_start_seq/1 refuses anything else with 400, an old integer too.
  function packSeq(db, n) {
    if (config.sequences === 'integer') return n;
    const term = Buffer.from(`${databaseIds.get(db) ?? 'none'}:${n}`).toString('base64url');
    return `${n}-g1AAAA${term}`;
  }
  /** The inner integer for a `since`, 'now', or null when malformed. */
  function unpackSince(db, since) {
    if (since === undefined || since === '0' || since === 'now') return since ?? '0';
    if (config.sequences === 'integer') return /^\d+$/.test(since) ? since : null;
    const opaque = /^"?(?:[0-9]+-)?(.*?)"?$/.exec(since)[1]; // unpack_seq_regex_match/1
    if (!opaque.startsWith('g1AAAA')) return null;
    const [id, n] = Buffer.from(opaque.slice(6), 'base64url').toString().split(':');
    if (!/^\d+$/.test(n ?? '')) return null;
    // A sequence of a database since deleted: its shards are gone, so CouchDB starts again from 0.
    return id === databaseIds.get(db) ? n : '0';
  }

  // --- authentication: Basic, IAM bearer tokens, and the 3.4 lockout.
  function basicUser(headers) {
    const match = /^Basic (.+)$/i.exec(headers.authorization ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1], 'base64').toString();
    return { name: decoded.slice(0, decoded.indexOf(':')), password: decoded.slice(decoded.indexOf(':') + 1) };
  }
  function lockedOut(key) {
    const entry = failures.get(key);
    if (!entry) return false;
    // ets_lru's max_lifetime: an entry lives this long from its first failure, then is forgotten.
    if (Date.now() - entry.since > config.lockout.maxLifetimeMs) {
      failures.delete(key);
      return false;
    }
    return entry.count >= config.lockout.threshold;
  }
  function countFailure(key) {
    const entry = failures.get(key);
    if (entry && Date.now() - entry.since <= config.lockout.maxLifetimeMs) entry.count++;
    else failures.set(key, { count: 1, since: Date.now() });
  }

  function iamToken(req, res, body) {
    // IBM Cloud IAM: POST /identity/token, form grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=…
    // (cloud.ibm.com/docs/account?topic=account-iamtoken_from_apikey)
    const form = new URLSearchParams(body.toString());
    const user = form.get('grant_type') === 'urn:ibm:params:oauth:grant-type:apikey' ? iamKeys.get(form.get('apikey') ?? '') : undefined;
    if (!user) return send(res, 400, { errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found.' });
    const token = crypto.randomBytes(24).toString('base64url');
    const expiration = Math.floor(Date.now() / 1000) + config.iamTokenSeconds;
    iamTokens.set(token, { user, expires: expiration * 1000 });
    send(res, 200, { access_token: token, refresh_token: 'not_supported', token_type: 'Bearer', expires_in: config.iamTokenSeconds, expiration, scope: 'ibm openid' });
  }

  async function handle(req, res, body) {
    const url = new URL(req.url, 'http://localhost');
    const headers = { ...req.headers };
    if (url.pathname === '/_interlinear_test/config' && req.method === 'PUT') {
      const changes = JSON.parse(body.toString() || '{}');
      const { reset, iamKeys: keys, expireIamTokens, forgetFailures, ...settings } = changes;
      config = { ...(reset ? structuredClone(DEFAULTS) : config), ...settings };
      for (const [key, user] of Object.entries(keys ?? {})) iamKeys.set(key, user);
      if (expireIamTokens) iamTokens.clear();
      if (forgetFailures) failures.clear();
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/_interlinear_test/failed-logins' && req.method === 'GET') {
      const byUser = {};
      for (const [key, { count }] of failures) byUser[key.slice(key.indexOf(' ') + 1)] = (byUser[key.slice(key.indexOf(' ') + 1)] ?? 0) + count;
      return send(res, 200, byUser);
    }
    if (url.pathname === '/_iam/identity/token' && req.method === 'POST') return iamToken(req, res, body);
    if (req.method === 'PUT' && url.pathname.startsWith('/_users/org.couchdb.user:')) {
      const user = JSON.parse(body.toString() || '{}'); // kept so an IAM token can act as this user
      if (typeof user.name === 'string' && typeof user.password === 'string') passwords.set(user.name, user.password);
    }
    if (config.redirectToHttps) {
      res.writeHead(301, { location: `https://${req.headers.host}${req.url}` });
      return res.end();
    }
    // Cloudant's rate limit (cloud.ibm.com/docs/Cloudant?topic=Cloudant-faq-provisioned-throughput-capacity-model).
    if (config.tooManyRequests.count > 0) {
      config.tooManyRequests = { ...config.tooManyRequests, count: config.tooManyRequests.count - 1 };
      return send(res, 429, { error: 'too_many_requests', reason: 'You’ve exceeded your rate limit allowance. Please try again later.' }, { 'retry-after': String(config.tooManyRequests.retryAfterSeconds) });
    }
    // chttpd: a body over max_http_request_size is refused before it is read (chttpd.erl, body_too_large).
    if (body.length > config.maxRequestSize) {
      if (config.requestLimitBy === 'proxy') {
        res.writeHead(413, { 'content-type': 'text/html' });
        return res.end('<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>');
      }
      return send(res, 413, { error: 'too_large', reason: 'the request entity is too large' });
    }

    let user = basicUser(headers);
    const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '');
    if (bearer) {
      const token = iamTokens.get(bearer[1]);
      if (!token || token.expires <= Date.now()) return send(res, 401, { error: 'unauthorized', reason: 'The IAM token is not valid or has expired.' });
      user = { name: token.user, password: passwords.get(token.user) ?? '' };
      headers.authorization = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
    }
    const lockKey = user && `${req.socket.remoteAddress} ${user.name}`;
    // couch_httpd_auth.erl authenticate/5: a locked-out user is refused before the password is checked.
    if (lockKey && config.lockout && lockedOut(lockKey)) return send(res, 403, { error: 'forbidden', reason: LOCKOUT_REASON });

    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const db = segments[0] && !segments[0].startsWith('_') ? segments[0] : null;
    const what = segments[1];
    let forwardPath = req.url;
    let forwardBody = body.length ? body : undefined;
    let bulk = null;

    if (db && what === '_changes') {
      const since = unpackSince(db, url.searchParams.get('since') ?? undefined);
      if (since === null) return send(res, 400, { error: 'bad_request', reason: MALFORMED_SINCE });
      url.searchParams.set('since', since);
      forwardPath = `${url.pathname}?${url.searchParams}`;
    }
    if (db && what === '_design' && segments[2] && (req.method === 'PUT' || req.method === 'DELETE')) {
      forwardBody = keepValidator(db, segments[2], req.method, body) ?? forwardBody;
    }
    // The layer reads a _bulk_docs only when something here needs its documents: its own reading
    // is no part of what CouchDB costs, and the bench measures what sync costs.
    const readsBulk = config.writesPerSecond > 0 || body.length > config.maxDocumentSize || config.accepted || validators.get(db)?.size > 0;
    if (db && what === '_bulk_docs' && req.method === 'POST' && readsBulk) {
      bulk = JSON.parse(body.toString());
      // cloud.ibm.com/docs/Cloudant?topic=Cloudant-faq-provisioned-throughput-capacity-model: usage per
      // request class in a sliding 1,000 ms window; past the plan's writes, 429 until it falls under.
      if (config.writesPerSecond > 0) {
        const now = Date.now();
        writes = writes.filter(([at]) => now - at < 1000);
        const taken = writes.reduce((sum, [, n]) => sum + n, 0);
        const wanted = (bulk.docs ?? []).length;
        if (taken + wanted > config.writesPerSecond) {
          return send(res, 429, { error: 'too_many_requests', reason: 'You’ve exceeded your current limit of writes per second.' }, { 'retry-after': '1' });
        }
        writes.push([now, wanted]);
      }
      // couch_doc.erl from_json_obj_validate/2: one document over max_document_size fails the whole
      // request, 413 document_too_large with that document's id (chttpd.erl error_info/1).
      for (const doc of bulk.docs ?? []) {
        const { _id, _rev, _revisions, _deleted, ...fields } = doc;
        if (Buffer.byteLength(JSON.stringify(fields)) > config.maxDocumentSize) {
          return send(res, 413, { error: 'document_too_large', reason: String(_id) });
        }
      }
      bulk.refused = validated(db, bulk, user);
      if (config.accepted && bulk.new_edits !== false) forwardBody = JSON.stringify(await asBranches(db, bulk));
      else if (bulk.refused.size) forwardBody = JSON.stringify({ ...bulk, docs: bulk.docs.filter((d) => !bulk.refused.has(d)) });
    }

    const answer = await forward(req.method, forwardPath, headers, forwardBody);
    let status = answer.status;
    let json;
    try {
      json = answer.body.length ? JSON.parse(answer.body.toString()) : undefined;
    } catch {
      json = undefined;
    }

    if (status === 401 && user && json?.reason === 'Name or password is incorrect.') {
      if (config.lockout) countFailure(lockKey);
    } else if (status === 401 && user && json?.reason === 'You are not authorized to access this db.') {
      // couch_db.erl throw_security_error/1: a logged-in user who is no member gets 403 forbidden.
      status = 403;
      json = { error: 'forbidden', reason: 'You are not allowed to access this db.' };
    }
    if (db && !what && req.method === 'PUT' && status === 201) {
      databaseIds.set(db, crypto.randomBytes(6).toString('hex'));
      if (config.defaultSecurity === 'admin_only') {
        await asAdmin('PUT', `/${encodeURIComponent(db)}/_security`, { members: { roles: ['_admin'] }, admins: { roles: ['_admin'] } });
      }
    }
    if (db && !what && req.method === 'DELETE' && status === 200) {
      databaseIds.delete(db);
      validators.delete(db);
    }
    if (db && !what && req.method === 'GET' && status === 200 && json) {
      // GET /{db} on CouchDB 3: an opaque update_seq, instance_start_time "0", the cluster's shape.
      json = { ...json, update_seq: packSeq(db, json.update_seq), instance_start_time: config.sequences === 'integer' ? json.instance_start_time : '0' };
      if (config.sequences !== 'integer') json.cluster = { q: 2, n: 3, w: 2, r: 2 };
    }
    if (db && what === '_changes' && status === 200 && json?.results) {
      json = shapeChanges(db, json, url.searchParams);
      const delay = config.changesDelayMsPerRow * json.results.length;
      if (delay) await new Promise((r) => setTimeout(r, delay));
    }
    if (db && what === '_all_docs' && status === 200 && json?.rows) {
      // docs/src/replication/conflicts.rst: _all_docs ignores conflicts=true; its docs never carry _conflicts.
      for (const row of json.rows) if (row.doc) delete row.doc._conflicts;
    }
    if (bulk && Array.isArray(json)) {
      if (bulk.branchResults && status === 201) {
        // With new_edits:false the inner server lists only refusals; the others were kept.
        const refused = new Map(json.map((r) => [r.id, r]));
        json = bulk.branchResults.map((r) => (r.ok && refused.has(r.id) ? refused.get(r.id) : r));
        status = 202; // chttpd_db.erl: {accepted, Results} → 202 when fewer than w copies answered
      }
      json.push(...[...bulk.refused.entries()].map(([doc, reason]) => ({ id: doc._id, error: 'forbidden', reason })));
      // chttpd_db.erl db_req(_bulk_docs): results in the order of the request's documents.
      const order = new Map((bulk.docs ?? []).map((d, i) => [d._id, i]));
      json.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    }
    if (url.pathname === '/' && status === 200 && json && config.sequences !== 'integer') {
      json = { couchdb: 'Welcome', version: '3.4.3', uuid: json.uuid, features: ['access-ready', 'partitioned', 'pluggable-storage-engines', 'reshard', 'scheduler'], vendor: { name: 'Interlinear test server (PouchDB Server behind a CouchDB 3 layer)' } };
    }
    if (json === undefined) {
      res.writeHead(status, answer.headers);
      return res.end(answer.body);
    }
    const extra = {};
    for (const name of ['www-authenticate', 'location', 'etag']) if (answer.headers[name]) extra[name] = answer.headers[name];
    send(res, status, json, extra);
  }

  /**
   * validate_doc_update runs here, not in the PouchDB server: its validation plugin overwrites the
   * `_revisions` of a replicated write (new_edits:false) with the stored document's, so conflict
   * branches could not be written at all. CouchDB runs the function for every write, replicated ones
   * too, and a `{forbidden}` thrown refuses that document alone (docs/src/ddocs/ddocs.rst,
   * "Validate Document Update Functions"). The design document is kept with the function renamed.
   */
  function keepValidator(db, name, method, body) {
    const kept = validators.get(db) ?? new Map();
    validators.set(db, kept);
    if (method === 'DELETE') {
      kept.delete(name);
      return undefined;
    }
    const ddoc = JSON.parse(body.toString() || '{}');
    if (typeof ddoc.validate_doc_update !== 'string') return undefined;
    kept.set(name, new Function(`return (${ddoc.validate_doc_update});`)());
    const { validate_doc_update: source, ...rest } = ddoc;
    return JSON.stringify({ ...rest, validate_doc_update_in_layer: source });
  }

  /** The documents of a _bulk_docs request its validators refuse, with their reasons. */
  function validated(db, bulk, user) {
    const refused = new Map();
    for (const doc of bulk.docs ?? []) {
      if (String(doc._id).startsWith('_design/')) continue;
      for (const validate of validators.get(db)?.values() ?? []) {
        try {
          validate(doc, null, { name: user?.name ?? null, roles: [] }, {});
        } catch (thrown) {
          refused.set(doc, String(thrown?.forbidden ?? thrown?.unauthorized ?? thrown));
          break;
        }
      }
    }
    return refused;
  }

  /**
   * A cluster that cannot reach quorum still keeps each write on the copies it reached; when the
   * copies replicate, writes made on top of the same revision become conflict branches
   * (docs/src/cluster/theory.rst; docs/src/replication/conflicts.rst). So here every write is kept
   * with new_edits:false as a child of the revision it names, even a stale one.
   */
  async function asBranches(db, bulk) {
    const docs = [];
    bulk.branchResults = [];
    for (const doc of bulk.docs ?? []) {
      if (bulk.refused.has(doc)) continue;
      const { _rev, ...rest } = doc;
      let start = 1;
      let ids = [];
      if (_rev) {
        const [pos, hash] = _rev.split('-');
        start = Number(pos) + 1;
        ids = [hash];
      } else {
        // A create over an existing document still conflicts on every copy.
        const existing = await asAdmin('GET', `/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`);
        if (existing.status === 200) {
          bulk.branchResults.push({ id: doc._id, error: 'conflict', reason: 'Document update conflict.' });
          continue;
        }
      }
      const hash = crypto.createHash('md5').update(JSON.stringify(doc)).digest('hex');
      bulk.branchResults.push({ ok: true, id: doc._id, rev: `${start}-${hash}` });
      docs.push({ ...rest, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...ids] } });
    }
    return { docs, new_edits: false };
  }

  /** Opaque sequences, and `seq_interval`: per-row seqs only every Nth row (fabric_view_changes.erl). */
  function shapeChanges(db, json, query) {
    const interval = Number(query.get('seq_interval')) || 0;
    let remaining = Number(query.get('limit')) || json.results.length;
    const results = json.results.map((row) => {
      const seq = !interval || remaining % interval === 0 ? packSeq(db, row.seq) : null;
      remaining--;
      return { ...row, seq };
    });
    return { ...json, results, last_seq: packSeq(db, json.last_seq) };
  }

  return {
    handle: (req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        requestCount++;
        handle(req, res, Buffer.concat(chunks)).catch((error) => {
          if (!res.headersSent) send(res, 500, { error: 'layer_failed', reason: String(error?.stack ?? error) });
          else res.end();
        });
      });
    },
    get requests() {
      return requestCount;
    },
  };
}

module.exports = { createCouch3Layer, DEFAULTS };
