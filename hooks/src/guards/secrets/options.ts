import { onFirstUse } from "../../runtime/on-first-use.js";
import type { Arg } from "../../shell/expand.js";

/** How a command's options are spelled, so operands can be told from option values. */
export interface OptionSpec {
  /** Short options that take a value (`-n 5`, `-n5`). */
  valueShort?: string;
  /** Long options that take a value (`--file x`, `--file=x`). */
  valueLong?: string[];
}

export interface ParsedArgs {
  options: Array<{ name: string; value?: Arg }>;
  operands: Arg[];
}

/** Splits argv (without the command name) into options and operands, getopt-style with `--`. */
export function parseOptions(args: readonly Arg[], spec: OptionSpec): ParsedArgs {
  const options: ParsedArgs["options"] = [];
  const operands: Arg[] = [];
  const valueShort = spec.valueShort ?? "";
  const valueLong = new Set(spec.valueLong ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    const text = arg.text;
    if (text === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (text.startsWith("--") && text.length > 2) {
      const eq = text.indexOf("=");
      if (eq !== -1) {
        options.push({ name: text.slice(0, eq), value: { ...arg, text: text.slice(eq + 1), raw: arg.raw } });
      } else if (valueLong.has(text) && i + 1 < args.length) {
        options.push({ name: text, value: args[i + 1] as Arg });
        i += 1;
      } else options.push({ name: text });
      continue;
    }
    if (text.startsWith("-") && text.length > 1 && !/^-\d+$/.test(text)) {
      for (let j = 1; j < text.length; j++) {
        const letter = text[j] as string;
        if (valueShort.includes(letter)) {
          const rest = text.slice(j + 1);
          if (rest !== "") options.push({ name: `-${letter}`, value: { ...arg, text: rest } });
          else if (i + 1 < args.length) {
            options.push({ name: `-${letter}`, value: args[i + 1] as Arg });
            i += 1;
          } else options.push({ name: `-${letter}` });
          break;
        }
        options.push({ name: `-${letter}` });
      }
      continue;
    }
    operands.push(arg);
  }
  return { options, operands };
}

export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((option) => names.includes(option.name));
}

export function optionValues(parsed: ParsedArgs, ...names: string[]): Arg[] {
  return parsed.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as Arg);
}

/** Value options of common readers, so `head -n "$N" file` does not mistake $N for a file. */
export const readerOptions = onFirstUse((): Record<string, OptionSpec> => ({
  head: { valueShort: "nc", valueLong: ["--lines", "--bytes"] },
  tail: { valueShort: "ncs", valueLong: ["--lines", "--bytes", "--sleep-interval", "--pid"] },
  cut: { valueShort: "dfcb", valueLong: ["--delimiter", "--fields", "--characters", "--bytes", "--output-delimiter"] },
  sort: { valueShort: "ktoST", valueLong: ["--key", "--field-separator", "--output", "--buffer-size", "--temporary-directory", "--parallel"] },
  uniq: { valueShort: "fsw", valueLong: ["--skip-fields", "--skip-chars", "--check-chars"] },
  sed: { valueShort: "el", valueLong: ["--expression", "--line-length"] },
  jq: { valueShort: "", valueLong: ["--indent", "--tab"] },
  xxd: { valueShort: "lscgo", valueLong: [] },
  od: { valueShort: "AtNjw", valueLong: [] },
  split: { valueShort: "lbnaC", valueLong: [] },
  diff: { valueShort: "UCIxX", valueLong: ["--label", "--exclude", "--ignore-matching-lines"] },
  wc: {},
  cat: {},
  less: { valueShort: "xyhjbkoOpPTz", valueLong: [] },
  column: { valueShort: "scoNRW", valueLong: [] },
  nl: { valueShort: "bdfhilnsvw", valueLong: [] },
  fold: { valueShort: "w", valueLong: ["--width"] },
  tr: {},
  base64: { valueShort: "w", valueLong: ["--wrap"] },
  openssl: { valueShort: "", valueLong: [] },
  awk: { valueShort: "Fvf", valueLong: ["--field-separator", "--assign", "--file"] },
}));
