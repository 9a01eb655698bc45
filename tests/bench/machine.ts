// The machine a bench ran on, so a figure is never read without it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  chromium: string;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the bench started and ended: other work on the machine skews times. */
  loadAverage: [number, number];
}

export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

export function describeMachine(chromiumPath: string, loadAtStart: number): Machine {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    chromium: chromiumVersion(chromiumPath),
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: [loadAtStart, loadAverage()],
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (line) return line[1]!.trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function chromiumVersion(chromiumPath: string): string {
  try {
    // Debian's wrapper script may complain on stderr; the version is on stdout.
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${chromiumPath})`;
  }
}

export function machineMarkdown(m: Machine): string {
  return [
    `- CPU: ${m.cpu}, ${m.cores} cores; RAM: ${m.ramGiB} GiB`,
    `- Browser: ${m.chromium} (headless), driven by playwright-core`,
    `- Node ${m.node}; ${m.os}`,
    `- Date: ${m.date}; 1-minute load average ${m.loadAverage[0]} at the start, ${m.loadAverage[1]} at the end`,
  ].join('\n');
}
