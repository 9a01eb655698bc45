// Finds (or installs, from Debian's apt) every program that `npm test`, `npm start` and
// `npm run bench` drive. Never skips silently: either it returns, or it throws an Error that says
// the exact command to run. `npm test` asks for all of them at once, before its first stage.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';

/**
 * What the tests drive, each with the Debian package that brings it. `file`: a path that must
 * exist; `binary`: a name looked up on $PATH (or a path); `command`: one that must succeed;
 * `env`: a variable that names another copy of the program, which then replaces the package.
 */
export const TEST_PROGRAMS = [
  { what: 'Chromium (end-to-end tests)', binary: DEBIAN_CHROMIUM, pkg: 'chromium', env: 'CHROME_PATH' },
  // Debian's Chromium speaks only en-US without it; the Persian and Russian interface tests need it.
  { what: "Chromium's translations", file: '/usr/lib/chromium/locales/fa.pak', pkg: 'chromium-l10n', env: 'CHROME_PATH' },
  { what: 'Firefox ESR (Firefox end-to-end tests)', binary: DEBIAN_FIREFOX, pkg: 'firefox-esr', env: 'FIREFOX_PATH' },
  { what: 'xmllint (XLIFF exports against the OASIS schema)', binary: 'xmllint', pkg: 'libxml2-utils' },
  { what: 'openssl (the test servers’ throw-away certificates)', binary: 'openssl', pkg: 'openssl' },
  // The WordPress tests start a real WordPress: Debian's, on its own MariaDB, served by php -S.
  { what: 'WordPress (the block editor tests)', file: '/usr/share/wordpress/wp-load.php', pkg: 'wordpress' },
  { what: 'MariaDB (the WordPress tests’ database)', binary: 'mariadbd', pkg: 'mariadb-server' },
  { what: 'PHP (serves the WordPress tests’ site)', binary: 'php', pkg: 'php-cli' },
  {
    what: 'PHP’s MySQL driver (WordPress reaches MariaDB through it)',
    command: ['php', '-r', 'exit(extension_loaded("mysqli") ? 0 : 1);'],
    pkg: 'php-mysql',
  },
  { what: 'translate-toolkit (TMX exports read as other tools read them)', binary: 'po2tmx', pkg: 'translate-toolkit' },
];

/** What the WordPress tests drive, for a test file run on its own. */
export const WORDPRESS_PROGRAMS = TEST_PROGRAMS.filter((program) =>
  ['wordpress', 'mariadb-server', 'php-cli', 'php-mysql'].includes(program.pkg),
);

/**
 * Makes sure every program in `programs` is there, installing the missing ones with one apt-get
 * run. `interactive`: a person is at the terminal, so sudo may ask for their password.
 */
export async function ensurePrograms(programs = TEST_PROGRAMS, { interactive = false } = {}) {
  for (const program of programs) {
    const other = program.env && process.env[program.env];
    if (other && !isExecutable(other)) {
      throw new Error(`${program.env} is set to ${other}, but no executable is there. Unset it or fix it.`);
    }
  }
  const missing = programs.filter((program) => !(program.env && process.env[program.env]) && !isThere(program));
  if (missing.length === 0) return;
  installPackages(
    [...new Set(missing.map((program) => program.pkg))],
    missing.map((program) => program.what),
    { interactive },
  );
  const still = missing.filter((program) => !isThere(program));
  if (still.length > 0) {
    throw new Error(`Installed, but still missing: ${still.map((p) => `${p.what} (check: dpkg -L ${p.pkg})`).join('; ')}`);
  }
}

/**
 * The Chromium to drive: $CHROME_PATH if set (it must exist), else Debian's /usr/bin/chromium,
 * installing the `chromium` package first when it is missing and we may.
 */
export async function ensureChromium({ interactive = false } = {}) {
  await ensurePrograms(TEST_PROGRAMS.slice(0, 1), { interactive });
  return process.env.CHROME_PATH || DEBIAN_CHROMIUM;
}

/** Chromium's own translations, for a browser started in Persian or Russian (Debian's Chromium only). */
export async function ensureChromiumTranslations(chromiumPath, { interactive = false } = {}) {
  if (chromiumPath !== DEBIAN_CHROMIUM) return;
  await ensurePrograms(TEST_PROGRAMS.slice(1, 2), { interactive });
}

/** The Firefox to drive: $FIREFOX_PATH if set, else Debian's firefox-esr, installed where missing. */
export async function ensureFirefox({ interactive = false } = {}) {
  await ensurePrograms(TEST_PROGRAMS.slice(2, 3), { interactive });
  return process.env.FIREFOX_PATH || DEBIAN_FIREFOX;
}

function isThere(program) {
  if (program.command) {
    return findBinary(program.command[0]) !== null && spawnSync(program.command[0], program.command.slice(1), { stdio: 'ignore' }).status === 0;
  }
  return program.file ? existsSync(program.file) : findBinary(program.binary) !== null;
}

/**
 * apt-get install `packages`: directly as root, through `sudo -n` when sudo needs no password, or
 * through plain `sudo` when `interactive`. Otherwise throws with the command to run.
 */
function installPackages(packages, needs, { interactive }) {
  const manual = `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
  const why = `Missing: ${needs.join(', ')}.`;
  if (!findBinary('apt-get')) {
    throw new Error(`${why} This system has no apt-get: install them yourself (Debian: ${manual}).`);
  }
  const prefix = installPrefix(interactive);
  if (prefix === null) throw new Error(`${why} Install them with:\n  ${manual}`);
  console.log(`[programs] ${why} Installing Debian packages: ${packages.join(' ')}`);
  for (const args of aptCommands(packages)) {
    const command = [...prefix, ...args];
    console.log(`[programs] $ ${command.join(' ')}`);
    const run = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      throw new Error(`"${command.join(' ')}" failed (exit ${run.status ?? run.signal}). Run by hand:\n  ${manual}`);
    }
  }
}

/** apt-get update, then install. The lock timeout waits for another apt run instead of failing. */
function aptCommands(packages) {
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  return [
    ['apt-get', ...lockWait, 'update'],
    ['apt-get', ...lockWait, 'install', '-y', '--no-install-recommends', ...packages],
  ];
}

/** [] as root, ['sudo','-n'] if sudo needs no password, ['sudo'] if a person can type one; else null. */
function installPrefix(interactive) {
  if (process.getuid?.() === 0) return [];
  if (!findBinary('sudo')) return null;
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  if (interactive && process.stdin.isTTY) return ['sudo'];
  return null;
}

function findBinary(binary) {
  if (binary.includes('/')) return isExecutable(binary) ? binary : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file) {
  if (!existsSync(file)) return false;
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
