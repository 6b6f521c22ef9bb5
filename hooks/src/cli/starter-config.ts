import type { DetectedCommands } from "../guards/commit/detect.js";

function yamlString(text: string): string {
  return /^[\w./ -]+$/.test(text) && !/^\s|\s$/.test(text) ? text : JSON.stringify(text);
}

/** The .claude/shipshape.yaml that init writes: the detected verification commands, spelled out. */
export function starterConfig(detected: DetectedCommands): string {
  const lines = [
    "# shipshape configuration (schema: hooks/schemas/shipshape-config.schema.json in the plugin).",
    "secrets:",
    "  allow: []        # paths or globs that are never treated as secret",
    "  patterns: []     # extra secret files",
    "commit:",
    "  convention: plain   # or: conventional",
    "  summaryMaxLength: 72",
    "  requireBody: true",
    "  verify:",
    "    enabled: true",
  ];
  if (detected.commands.length > 0) {
    lines.push(`    commands:   # ${detected.source}`);
    for (const command of detected.commands) lines.push(`      - name: ${yamlString(command.name)}`, `        command: ${yamlString(command.command)}`);
  } else {
    lines.push("    # commands: none were detected; list them here (name, command, timeout, paths)");
  }
  return `${lines.join("\n")}\n`;
}
