/** "Did you mean": the closest known name to a misspelt one. */

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/**
 * The known name a misspelt one most likely meant: the same name in another case, or the one nearest by
 * edit distance (at most 1 for short names, 2 from 6 characters, 3 from 12), when it is the only one that near.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const max = name.length >= 12 ? 3 : name.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = editDistance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= max) {
      tie = true;
    }
  }
  return best !== undefined && bestDistance <= max && !tie ? best : undefined;
}

/**
 * The known names nearest to a misspelt one, nearest first (case-insensitive matches first, then by edit
 * distance, then by name), at most `limit` of them and none further than `maxDistance` (default: about half
 * the name's length).
 */
export function nearestNames(
  name: string,
  known: Iterable<string>,
  limit = 3,
  maxDistance = Math.max(1, Math.ceil(name.length / 2)),
): string[] {
  const lower = name.toLowerCase();
  const max = maxDistance;
  const found: { k: string; d: number }[] = [];
  for (const k of known) {
    const d = k.toLowerCase() === lower ? -1 : editDistance(lower, k.toLowerCase(), max);
    if (d <= max) found.push({ k, d });
  }
  return found
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, limit)
    .map((f) => f.k);
}
