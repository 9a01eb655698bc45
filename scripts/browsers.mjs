// Finds (or installs, from Debian's apt) the programs the e2e tests and `npm start` drive:
// Chromium now, Firefox ESR and xmllint later. Never skips silently: either it returns a path,
// or it throws an Error that says the exact command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: $CHROME_PATH if set (it must exist), else Debian's /usr/bin/chromium,
 * installing the `chromium` package first when it is missing and we may.
 * `interactive`: a person is at the terminal, so sudo may ask for their password.
 */
export async function ensureChromium({ interactive = false } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but no executable is there. Unset it or fix it.`);
    }
    return fromEnv;
  }
  return ensureAptPackage(DEBIAN_CHROMIUM, 'chromium', { interactive });
}

/**
 * Debian's Chromium speaks only en-US unless chromium-l10n is there; the Persian and Russian
 * interface tests need its translations. Another Chromium ($CHROME_PATH) brings its own.
 */
export async function ensureChromiumTranslations(chromiumPath, { interactive = false } = {}) {
  if (chromiumPath !== DEBIAN_CHROMIUM) return;
  await ensureAptPackage('/usr/lib/chromium/locales/fa.pak', 'chromium-l10n', { interactive, plainFile: true });
}

/**
 * Returns the path of `binary` (an absolute path, or a name looked up on $PATH), installing the
 * Debian package `pkg` with apt-get when it is missing: directly as root, through `sudo -n` when
 * sudo needs no password, or through plain `sudo` when `interactive`. Otherwise throws.
 */
export async function ensureAptPackage(binary, pkg, { interactive = false, plainFile = false } = {}) {
  const lookUp = () => (plainFile ? (existsSync(binary) ? binary : null) : findBinary(binary));
  const found = lookUp();
  if (found) return found;

  const manual = `sudo apt-get update && sudo apt-get install -y ${pkg}`;
  if (!findBinary('apt-get')) {
    throw new Error(`${binary} is missing and this system has no apt-get. Install ${pkg} yourself (Debian: ${manual}), or set CHROME_PATH for Chromium.`);
  }

  const prefix = installPrefix(interactive);
  if (prefix === null) {
    throw new Error(`${binary} is missing. Install it with:\n  ${manual}`);
  }
  console.log(`[browsers] ${binary} is missing; installing Debian package "${pkg}":`);
  for (const args of aptCommands(pkg)) {
    const command = [...prefix, ...args];
    console.log(`[browsers] $ ${command.join(' ')}`);
    const run = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      throw new Error(`"${command.join(' ')}" failed (exit ${run.status ?? run.signal}). Run by hand:\n  ${manual}`);
    }
  }
  const installed = lookUp();
  if (!installed) {
    throw new Error(`Installed "${pkg}" but ${binary} is still not there. Check with: dpkg -L ${pkg}`);
  }
  console.log(`[browsers] installed ${pkg}: ${installed}`);
  return installed;
}

/** apt-get update, then install. The lock timeout waits for another apt run instead of failing. */
function aptCommands(pkg) {
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  return [
    ['apt-get', ...lockWait, 'update'],
    ['apt-get', ...lockWait, 'install', '-y', pkg],
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
