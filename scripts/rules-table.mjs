// The README's rules table, as markdown: one row per rule, in registry order.
export function rulesTable(rules) {
  const rows = rules.map(
    (r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | default | what it finds |', '|---|---|---|', ...rows, ''].join('\n');
}
