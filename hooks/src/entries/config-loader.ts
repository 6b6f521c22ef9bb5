/**
 * The heavy half of config loading (the YAML parser and the generated schema validator), bundled
 * apart as hooks/dist/config-loader.cjs and required only when no cached config matches the files.
 */
import { parse } from "yaml";
import { resolveConfig } from "../config/resolve-config.js";
import { schemaCheckFrom } from "../config/schema-errors.js";
import type { ConfigSource, LoadedConfig } from "../config/types.js";
import validate from "../config/generated/validate-config.js";

const check = schemaCheckFrom(validate);

export function resolveConfigSources(sources: ConfigSource[]): LoadedConfig {
  return resolveConfig(sources, (text) => parse(text), check);
}
