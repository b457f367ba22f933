// The benchmark's table: each row's values per round formatted, judged against its target,
// and printed with the machine, the load and what disturbed the run.

export function fmt(value, unit, digits) {
  if (value === null || Number.isNaN(value)) return 'n/a';
  if (unit === 'ms' && value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (unit === 'ms') return `${value.toFixed(digits)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'x') return `${value.toFixed(2)}×`;
  if (unit === 'rows/s') return `${Math.round(value).toLocaleString('en-US')} rows/s`;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function meets(value, target) {
  if (value === null || target === null) return null;
  return target.op === '<' ? value < target.value : value <= target.value;
}

/** Judges and prints the rows; returns them with their formatted value, target and status. */
export function printTable(rows, { smoke, machine, repeat, disturbance, failures }) {
  const table = rows.map((r) => {
    const outcomes = r.values.map((v) => meets(v, r.target));
    const status = r.target === null ? '' : smoke ? '(smoke)' : outcomes.every((o) => o === true) ? 'pass' : outcomes.every((o) => o === false) ? 'MISS' : outcomes.includes(null) ? 'n/a' : 'mixed';
    const target = r.target === null ? '' : `${r.target.op} ${fmt(r.target.value, r.unit, r.digits)}`;
    return { ...r, value: r.values.map((v) => fmt(v, r.unit, r.digits)).join(' / '), targetText: target, status };
  });
  const widths = [Math.max(...table.map((r) => r.label.length), 11) + 2, Math.max(...table.map((r) => r.value.length), 5), Math.max(...table.map((r) => r.targetText.length), 6)];
  const line = (a, b, c, d, e) => `${a.padEnd(widths[0])}  ${b.padStart(widths[1])}  ${c.padEnd(widths[2])}  ${d.padEnd(7)}  ${e}`;
  console.log(`\n${smoke ? 'SMOKE RUN (small sizes; targets are for the full run)\n' : ''}Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; ${machine.chromium}; Node ${machine.node}; ${machine.date}; load ${machine.loadAverageAtStart.join(' ')} → ${machine.loadAverageAtEnd.join(' ')}`);
  if (repeat > 1) console.log(`Figures separated by / are rounds 1..${repeat}.`);
  console.log(line('measurement', 'value', 'target', 'result', 'notes'));
  let current = '';
  for (const r of table) {
    if (r.section !== current) {
      current = r.section;
      console.log(`${r.section}`);
    }
    console.log(line(`  ${r.label}`, r.value, r.targetText, r.status, r.note));
  }
  for (const [name, seen] of Object.entries(disturbance))
    if (seen.disturbedShare > 0)
      console.log(`Disturbed: ${name} ran while ${seen.foreign.join(', ')} of someone else ran (${Math.round(seen.disturbedShare * 100)} % of the time, load up to ${seen.maxLoad.toFixed(1)}): its figures are pessimistic.`);
  for (const f of failures) console.log(`FAILED ${f.section}: ${f.error.split('\n')[0]}`);
  return table;
}
