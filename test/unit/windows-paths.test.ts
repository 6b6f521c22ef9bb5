/**
 * Claude Code on Windows names files `C:\Users\me\project\.env`. The guard cannot look at them from a
 * POSIX view of the disk, so it judges them by name, as `/C:/Users/me/project/.env`: every default
 * rule (dotenv, keys, the home folder's stores) applies, and ordinary files pass.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { relativeTo, toAbsolute } from "../../hooks/src/runtime/paths.js";
import { explain } from "../../hooks/src/cli/explain.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { memoryIO } from "../helpers/memory-io.js";

describe("toAbsolute and relativeTo on Windows paths", () => {
  it.each([
    ["C:\\Users\\me\\project\\.env", "/p", "/C:/Users/me/project/.env"],
    ["C:/Users/me/project/src/../.env.local", "/p", "/C:/Users/me/project/.env.local"],
    ["d:\\work\\app\\config\\secrets.json", "/p", "/d:/work/app/config/secrets.json"],
    [".env", "C:\\Users\\me\\project", "/C:/Users/me/project/.env"],
    ["config\\.env.production", "C:\\Users\\me\\project", "/C:/Users/me/project/config/.env.production"],
    ["src/app.ts", "/home/dev/project", "/home/dev/project/src/app.ts"],
    ["a\\b.ts", "/home/dev/project", "/home/dev/project/a\\b.ts"],
    // Windows drops a name's trailing dots and spaces, and `::$DATA` names the file's own contents.
    ["C:\\proj\\.env::$DATA", "/p", "/C:/proj/.env"],
    ["C:\\proj\\id_rsa:$DATA", "/p", "/C:/proj/id_rsa"],
    [".env. ", "C:\\proj", "/C:/proj/.env"],
    ["C:\\proj\\keys.\\server.key...", "/p", "/C:/proj/keys/server.key"],
    ["C:\\proj\\a\\..\\.env", "/p", "/C:/proj/.env"],
    ["notes.txt.", "/home/dev/project", "/home/dev/project/notes.txt."],
  ])("%s from %s is %s", (path, cwd, expected) => {
    expect(toAbsolute(path, cwd, undefined)).toBe(expected);
  });

  it("finds a path inside a Windows project folder", () => {
    expect(relativeTo("C:\\Users\\me\\project", "/C:/Users/me/project/secrets/db.txt")).toBe("secrets/db.txt");
  });
});

const CWD = "C:\\Users\\me\\project";

async function decide(tool: string, input: Record<string, unknown>) {
  const io = memoryIO({ files: {}, env: {} });
  const ctx = { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: CWD, home: "C:\\Users\\me" };
  return (await secretGuard.decide({ tool, input, cwd: CWD, sessionId: "t" }, ctx)).action;
}

describe("the secret guard on Windows paths", () => {
  it.each<[string, Record<string, unknown>]>([
    ["Read", { file_path: "C:\\Users\\me\\project\\.env" }],
    ["Read", { file_path: "C:\\Users\\me\\project\\.env.local" }],
    ["Read", { file_path: ".env.production" }],
    ["Read", { file_path: "C:\\Users\\me\\.ssh\\id_ed25519" }],
    ["Read", { file_path: "C:\\Users\\me\\.aws\\credentials" }],
    ["Read", { file_path: "C:\\Users\\someone\\.kube\\config" }],
    ["Read", { file_path: "D:\\deploy\\tls.key" }],
    ["Read", { file_path: "C:\\Users\\me\\project\\secrets\\db_password.txt" }],
    ["Edit", { file_path: "C:\\Users\\me\\project\\.env", old_string: "a", new_string: "b" }],
    ["Grep", { pattern: "KEY", path: "C:\\Users\\me\\project\\.env.local" }],
    ["Bash", { command: "cat /c/Users/me/.aws/credentials" }],
    ["Read", { file_path: "C:\\Users\\me\\project\\.env::$DATA" }],
    ["Read", { file_path: "C:\\Users\\me\\.ssh\\id_ed25519." }],
    // Shares: a WSL distribution's home as Windows reaches it, a server's.
    ["Read", { file_path: "\\\\wsl$\\Ubuntu\\home\\me\\.aws\\credentials" }],
    ["Read", { file_path: "\\\\wsl.localhost\\Ubuntu\\home\\me\\.kube\\config" }],
    ["Read", { file_path: "\\\\fileserver\\deploy\\.env" }],
    ["Bash", { command: "cat //wsl$/Ubuntu/home/me/.ssh/id_ed25519" }],
  ])("refuses %s %j", async (tool, input) => {
    expect(await decide(tool, input)).toBe("deny");
  });

  it.each<[string, Record<string, unknown>]>([
    ["Read", { file_path: "C:\\Users\\me\\project\\.env.example" }],
    ["Read", { file_path: "C:\\Users\\me\\project\\src\\index.ts" }],
    ["Read", { file_path: "C:\\Users\\me\\.ssh\\id_ed25519.pub" }],
    ["Read", { file_path: "C:\\Users\\me\\.ssh\\known_hosts" }],
    ["Write", { file_path: "C:\\Users\\me\\project\\README.md", content: "x" }],
    ["Grep", { pattern: "TODO", path: "C:\\Users\\me\\project\\src" }],
    ["Read", { file_path: "\\\\wsl$\\Ubuntu\\home\\me\\project\\README.md" }],
    ["Read", { file_path: "\\\\fileserver\\Users\\me\\.ssh\\id_ed25519.pub" }],
  ])("lets %s %j through", async (tool, input) => {
    expect(await decide(tool, input)).toBe("pass");
  });
});

describe("shipshape explain on a Windows path", () => {
  it("judges it and suggests an allow entry the guard will match", async () => {
    const io = memoryIO({ files: {}, env: {} });
    const options = { cwd: CWD, projectDir: CWD, home: "C:\\Users\\me", resolver: resolveConfigSources, io };
    const result = await explain(["C:\\Users\\me\\project\\config\\.env.local"], options);
    expect(result.code).toBe(1);
    expect(result.text).toContain('add "config/.env.local" under secrets.allow');
    // The entry it suggests lets the call through.
    const config = { ...DEFAULT_CONFIG, secrets: { ...DEFAULT_CONFIG.secrets, allow: ["config/.env.local"] } };
    const ctx = { io, config, configDegraded: false, projectDir: CWD, home: "C:\\Users\\me" };
    const input = { file_path: "C:\\Users\\me\\project\\config\\.env.local" };
    expect((await secretGuard.decide({ tool: "Read", input, cwd: CWD, sessionId: "t" }, ctx)).action).toBe("pass");
    expect((await secretGuard.decide({ tool: "Read", input: { file_path: "C:\\Users\\me\\project\\.env.local" }, cwd: CWD, sessionId: "t" }, ctx)).action).toBe("deny");
  });
});
