import type { Arg } from "../../shell/expand.js";
import type { WRAPPERS } from "./command-rules.js";

/** The command a wrapper runs: its arguments after the wrapper's own options and operands. */
export function unwrap(args: Arg[], spec: (typeof WRAPPERS)[string]): Arg[] {
  let i = 0;
  while (i < args.length) {
    const text = (args[i] as Arg).text;
    if (text === "--") {
      i += 1;
      break;
    }
    if (text.startsWith("-") && text !== "-") {
      const bare = text.split("=")[0] as string;
      i += spec.valueOptions.includes(bare) && !text.includes("=") ? 2 : 1;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) {
      i += 1;
      continue;
    }
    break;
  }
  const leading = spec.leadingOperands ?? 0;
  return args.slice(i + leading);
}
