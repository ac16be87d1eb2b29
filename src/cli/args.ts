/** Tiny argument parser: positional words and `--flag value` / `--flag` booleans. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(args: string[], valueFlags: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[key] = inline;
      else if (valueFlags.includes(key) && i + 1 < args.length) flags[key] = args[++i]!;
      else flags[key] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}
