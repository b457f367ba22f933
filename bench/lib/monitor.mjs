// Watches the machine while the benchmark runs: the load average and other heavy work
// (another Chromium, vitest, vite build, svelte-check) started by anyone else. On a 2-core
// machine a concurrent end-to-end run halves every figure; the table says when it happened.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

function parentOf(pid) {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** True when this process (the benchmark) started `pid`, directly or not. */
function ours(pid) {
  for (let p = Number(pid), guard = 0; p > 1 && guard < 64; p = parentOf(p), guard++) if (p === process.pid) return true;
  return false;
}

/** This process and the ones that started it (npm, `sh -c ... && node bench/run.mjs`). */
function ancestors() {
  const out = new Set();
  for (let p = process.pid, guard = 0; p > 1 && guard < 64; p = parentOf(p), guard++) out.add(p);
  return out;
}

function foreignWork() {
  const found = [];
  const mine = ancestors();
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found; // not Linux: no process list
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid) || mine.has(Number(pid))) continue;
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (!/chrom|vite|svelte-check|bench\/run\.mjs/.test(cmd) || ours(pid)) continue;
    if (/chromium|chrome/.test(cmd) && !cmd.includes('--type=') && /--user-data-dir|--remote-debugging-pipe/.test(cmd)) found.push('chromium');
    else if (/bench\/run\.mjs/.test(cmd)) found.push('another benchmark');
    else if (/node_modules\/\.bin\/vitest\b/.test(cmd)) found.push('vitest');
    else if (/node_modules\/\.bin\/svelte-check\b/.test(cmd)) found.push('svelte-check');
    else if (/node_modules\/\.bin\/vite build\b/.test(cmd) || /\bvite build\b/.test(cmd)) found.push('vite build'); // not preview or dev servers: idle
  }
  return found;
}

export function startMonitor(intervalMs = 2000) {
  const samples = [];
  const sample = () => samples.push({ t: Date.now(), load: loadavg()[0], foreign: [...new Set(foreignWork())] });
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    samples,
    /** What was seen between two Date.now() times. */
    between(from, to) {
      const inside = samples.filter((s) => s.t >= from && s.t <= to);
      const disturbed = inside.filter((s) => s.foreign.length > 0);
      return {
        samples: inside.length,
        disturbedShare: inside.length ? disturbed.length / inside.length : 0,
        foreign: [...new Set(disturbed.flatMap((s) => s.foreign))],
        maxLoad: inside.reduce((m, s) => Math.max(m, s.load), 0),
      };
    },
    stop: () => clearInterval(timer),
  };
}
