// A real WordPress for the end-to-end tests, started from nothing on 127.0.0.1 with Debian's own
// packages (`wordpress`, `mariadb-server`, `php-cli`, `php-mysql`): a MariaDB on a Unix socket, a
// copy of /usr/share/wordpress served by `php -S`, installed and given its users through PHP, and
// served to Chromium as https://diff.wikimedia.org:PORT by the e2e fixture server, which forwards
// every path it has no fixture for. Start it once per test file: `await startWordPressSite(server)`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { makeTempDir, pollUntil, type FixtureServer } from '../e2e/harness';
import { WORDPRESS_PROGRAMS, ensurePrograms } from '../../scripts/programs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEBIAN_WORDPRESS = '/usr/share/wordpress';

export interface WordPressUser {
  login: string;
  password: string;
}

export interface WordPressSite {
  /** https://diff.wikimedia.org:PORT — the address the browser and WordPress itself use. */
  origin: string;
  /** The user translators log in as (an editor). */
  translator: WordPressUser;
  /** Runs PHP with WordPress loaded (as the site's admin); answers what it printed. */
  php(code: string): string;
  /** Inserts a post with wp_insert_post; answers its id. */
  insertPost(post: { title: string; content: string; status?: string; id?: number }): number;
  /** A post's title and raw content as stored (post_content, block markup). */
  storedPost(id: number): { title: string; content: string; status: string };
  /** Logs `page` in through wp-login.php. */
  logIn(page: Page, user?: WordPressUser): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the site behind `server` (its origin for diff.wikimedia.org is the site's address). */
export async function startWordPressSite(server: FixtureServer): Promise<WordPressSite> {
  await ensurePrograms(WORDPRESS_PROGRAMS);
  const dir = makeTempDir('interlinear-wordpress-');
  const origin = server.origin();
  const children: ChildProcess[] = [];
  const stop = async () => {
    server.setFallback(null);
    await Promise.all(children.map(stopChild));
  };
  try {
    const socket = await startDatabase(dir, children);
    const root = path.join(dir, 'wp');
    copySite(root);
    writeConfig(root, socket, origin);
    const runPhp = phpRunner(root);
    const translator = { login: 'translator', password: `tr-${Math.random().toString(36).slice(2)}` };
    runPhp(installScript(translator));
    const php = (code: string) => runPhp(`require 'wp-load.php'; wp_set_current_user(1);\n${code}`);
    const port = await startPhpServer(root, dir, children);
    server.setFallback(forwardTo(port));
    const quote = (text: string) => `base64_decode('${Buffer.from(text).toString('base64')}')`;
    return {
      origin,
      translator,
      php,
      insertPost({ title, content, status = 'publish', id }) {
        const postarr = `array('post_title' => ${quote(title)}, 'post_content' => ${quote(content)}, 'post_status' => '${status}', 'post_author' => 1${id ? `, 'import_id' => ${id}` : ''})`;
        return Number(php(`echo wp_insert_post(wp_slash(${postarr}), true);`));
      },
      storedPost(id) {
        return JSON.parse(php(`$p = get_post(${id}); echo json_encode(array('title' => $p->post_title, 'content' => $p->post_content, 'status' => $p->post_status));`));
      },
      async logIn(page, user = translator) {
        await page.goto(`${origin}/wp-login.php`);
        await page.fill('#user_login', user.login);
        await page.fill('#user_pass', user.password);
        await Promise.all([page.waitForURL(/\/wp-admin\//), page.click('#wp-submit')]);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startDatabase(dir: string, children: ChildProcess[]): Promise<string> {
  const data = path.join(dir, 'db');
  const socket = path.join(dir, 'mysqld.sock');
  execFileSync('mariadb-install-db', ['--user=root', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
    stdio: 'pipe',
  });
  const server = spawn(
    'mariadbd',
    [
      '--no-defaults', // the machine's own my.cnf (its socket, its datadir) is not ours
      '--user=root',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      `--log-error=${path.join(dir, 'mysqld.err')}`,
      '--skip-networking',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      '--innodb-flush-log-at-trx-commit=0', // a test site: durability is not worth the fsyncs
    ],
    { stdio: 'ignore' },
  );
  keep(children, server);
  await pollUntil(() => existsSync(socket), { timeout: 30_000, message: 'MariaDB listening on its socket' });
  execFileSync('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`], {
    input: "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';",
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return socket;
}

/** A copy of Debian's WordPress (its wp-config.php and .htaccess are Debian's own: left behind). */
function copySite(root: string): void {
  cpSync(DEBIAN_WORDPRESS, root, { recursive: true, verbatimSymlinks: true });
  rmSync(path.join(root, '.htaccess'), { force: true });
  const muPlugins = path.join(root, 'wp-content', 'mu-plugins');
  mkdirSync(muPlugins, { recursive: true });
  for (const plugin of ['polylang-duplicate.php', 'test-site.php']) {
    writeFileSync(path.join(muPlugins, plugin), readFileSync(path.join(HERE, 'wordpress', plugin)));
  }
}

function writeConfig(root: string, socket: string, origin: string): void {
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((name) => `define('${name}', '${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}');`)
    .join('\n');
  writeFileSync(
    path.join(root, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
// Every request reaches php -S through the tests' TLS proxy: the browser speaks HTTPS.
$_SERVER['HTTPS'] = 'on';
${salts}
define('WP_DEBUG', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
}

/** Runs PHP code in the site's folder (given on stdin: a post's content can be long); answers what it printed. */
function phpRunner(root: string): (code: string) => string {
  return (code) =>
    execFileSync('php', ['-d', 'display_errors=stderr'], {
      cwd: root,
      input: `<?php\n$_SERVER['HTTP_HOST'] = 'diff.wikimedia.org';\n${code}\n`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
}

function installScript(translator: WordPressUser): string {
  return `
define('WP_INSTALLING', true);
require 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Diff', 'admin', 'admin@example.org', false, '', '${Math.random().toString(36).slice(2)}');
$id = wp_insert_user(array('user_login' => '${translator.login}', 'user_pass' => '${translator.password}', 'user_email' => 'translator@example.org', 'role' => 'editor'));
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
// The block editor's welcome guide is a modal over the editor: this translator has closed it before.
global $wpdb;
update_user_meta($id, $wpdb->get_blog_prefix() . 'persisted_preferences', array('core/edit-post' => array('welcomeGuide' => false), '_modified' => gmdate('Y-m-d\\TH:i:s.000\\Z')));
`;
}

async function startPhpServer(root: string, dir: string, children: ChildProcess[]): Promise<number> {
  const port = await freePort();
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
    cwd: root,
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  keep(children, server);
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  await pollUntil(() => answers(port), { timeout: 20_000, message: `php -S on port ${port} (${log || path.basename(dir)})` });
  return port;
}

/** The TLS proxy's other half: the request as it came, to php -S on `port`. */
function forwardTo(port: number): http.RequestListener {
  return (req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`WordPress did not answer: ${error.message}`);
    });
    req.pipe(upstream);
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/wp-login.php' }, (res) => {
      res.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A server the tests started: stopped with them, and killed if the test process dies first. */
function keep(children: ChildProcess[], child: ChildProcess): void {
  children.push(child);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
