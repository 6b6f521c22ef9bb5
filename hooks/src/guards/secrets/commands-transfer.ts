/** Commands that copy, move, archive, back up or send files: cp, mv, install, ln, rsync, scp, tar, zip, backup tools and image builders, curl, wget, ftp clients. */

import { UNKNOWN, type Arg } from "../../shell/expand.js";
import { basename, relativeTo, toAbsolute } from "../../runtime/paths.js";
import type { Analyzer, State } from "./analysis-types.js";
import { hasOption, optionValues, parseOptions, type OptionSpec, type ParsedArgs } from "./options.js";
import { EVERYTHING, excludedNames, type SearchFilter } from "./tree-search.js";
import { excludeFiles, HERE, namesOnInput, notIgnored } from "./commands-search.js";
import type { Finding } from "./refusal.js";
import { isShellProfilePath } from "./secret-files.js";

export async function copy(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const spec: OptionSpec =
    name === "rsync"
      ? { valueShort: "eBfT", valueLong: ["--exclude", "--include", "--filter", "--exclude-from", "--include-from", "--files-from", "--rsh", "--rsync-path", "--temp-dir", "--compare-dest", "--copy-dest", "--link-dest", "--chmod", "--chown", "--password-file", "--log-file", "--backup-dir", "--suffix", "--timeout", "--bwlimit", "--max-size", "--min-size", "--partial-dir"] }
      : name === "scp"
        ? { valueShort: "cFiJloPS" }
        : { valueShort: name === "install" ? "tSmogZ" : "tS", valueLong: ["--target-directory", "--suffix", "--mode", "--owner", "--group", "--backup"] };
  const parsed = parseOptions(args, spec);
  for (const file of optionValues(parsed, "--password-file", "--files-from", "--include-from")) await a.file(file, state, `\`${name}\` reads`);
  // `--files-from=list.txt` copies the files the list names, which the guard does not read: any file here.
  for (const list of optionValues(parsed, "--files-from")) if (list.text !== "-") await namesOnInput(a, state, undefined, `\`${name} --files-from=${list.raw}\` copies the files it lists`);
  const target = optionValues(parsed, "-t", "--target-directory");
  const sources = (target.length > 0 || name === "install" && hasOption(parsed, "-d") ? parsed.operands : parsed.operands.slice(0, -1)).filter(
    (w) => !/^[^/]*:/.test(w.text) || w.text.startsWith("./"),
  );
  // macOS's ditto copies a folder whole.
  const recursive = name === "ln" ? false : name === "ditto" || (name === "rsync" ? hasOption(parsed, "-r", "-a", "--recursive", "--archive") : hasOption(parsed, "-r", "-R", "-a", "--recursive", "--archive"));
  const verb = name === "mv" ? "Moving" : name === "ln" ? "Linking to" : name === "scp" || name === "rsync" ? "Transferring" : "Copying";
  const filter = name === "rsync" ? await rsyncFilter(a, parsed, state) : EVERYTHING;
  const destination = target[0] ?? (name === "install" && hasOption(parsed, "-d") ? undefined : parsed.operands[parsed.operands.length - 1]);
  for (const source of sources) {
    if (recursive && name !== "mv") await a.tree(source, state, filter, `${verb} \`${source.raw}\` recursively`);
    else if (name === "scp" || name === "rsync" || !(await staysSecret(a, source, destination, state, name === "ln"))) await a.file(source, state, verb);
  }
}

/**
 * rsync's --include and --exclude rules, the first a name matches deciding, as the walk's rules (the
 * last deciding). A slash-free exclude also leaves out folders of that name (`--exclude=node_modules`),
 * unless an include came before it (an include of every folder takes them all back). A pattern with a `/`
 * (`--exclude=/.env` is anchored to the top of the transfer and leaves config/.env in) is not read as
 * leaving out a name; an include of that kind, a --filter or -F rule (which may include), and
 * --include-from count as taking back every name.
 */
async function rsyncFilter(a: Analyzer, parsed: ParsedArgs, state: State): Promise<SearchFilter> {
  const rules: SearchFilter["rules"] = [];
  const excludeDirs: string[] = [];
  // Whether an include or an unread rule came first: folders are then not left out by name.
  let takenBack = false;
  const exclude = (glob: string) => {
    const folder = /^[^/]+\/$/.test(glob);
    if (!folder && glob.includes("/")) return;
    if (!folder) rules.unshift([false, glob]);
    if (!takenBack) excludeDirs.push(folder ? glob.slice(0, -1) : glob);
  };
  for (const { name, value } of parsed.options) {
    if (name === "--exclude" && value) exclude(value.text);
    else if (name === "--exclude-from" && value) for (const glob of await excludeFiles(a, [value], state)) exclude(glob);
    else if (name === "--include" || /^(-f|--filter|-F|--include-from)$/.test(name)) {
      takenBack = true;
      // `--include='*/'` takes back folders only.
      if (name !== "--include" || !value || !/^[^/]+\/$/.test(value.text)) rules.unshift([true, name === "--include" && value && !value.text.includes("/") ? value.text : "*"]);
    }
  }
  return { ...EVERYTHING, rules, fallback: true, excludeDirs };
}

/**
 * A copy, move or link whose result is itself a secret file by the same rules (`.env` to `.env.bak`,
 * or into a folder, keeping its name) exposes nothing new: the copy stays guarded.
 */
export async function staysSecret(a: Analyzer, source: Arg, destination: Arg | undefined, state: State, link = false): Promise<boolean> {
  if (!destination || state.cwd === undefined || source.text.includes(UNKNOWN) || destination.text.includes(UNKNOWN) || source.glob || destination.glob) return false;
  const { ctx, rules } = a.env;
  let target = toAbsolute(destination.text, state.cwd, ctx.home);
  const info = await ctx.io.stat(target);
  if (info?.kind === "dir" || destination.text.endsWith("/")) target = `${target}/${basename(source.text)}`;
  a.made.add(target);
  // A new link by a secret's name (`ln -s ../.env .env` in a package of a monorepo) is read as one.
  // `cp ~/.zshrc ~/.zshrc.bak`: a shell startup file is judged by its lines, and its backup is read as
  // one once it is there; a copy that the same call goes on to name is not there yet to be read.
  const kept = rules.classify(target) !== undefined || (isShellProfilePath(target) && isShellProfilePath(toAbsolute(source.text, state.cwd, ctx.home)) && a.text.split(destination.raw).length === 2);
  return kept && (link ? !(await ctx.io.exists(target)) : await guardedTarget(a, target));
}

/**
 * Whether a file written to stays guarded: a plain file where it is, or nothing yet, and no link or
 * pipe made on the way (`ln -s /dev/stdout x.env && cp .env x.env` prints .env).
 */
export async function guardedTarget(a: Analyzer, target: string): Promise<boolean> {
  if (/\bln\s|mkfifo|mknod|--symbolic|\bcp\s([^|;&]*\s)?-[a-zA-Z]*s/.test(a.text)) return false;
  const info = await a.env.ctx.io.stat(target);
  // A link the stat cannot follow (`/dev/stdout` is a pipe at /proc/self/fd/1) sits there all the same.
  return info ? info.kind === "file" && !info.isLink : !(await a.env.ctx.io.exists(target));
}

export async function tar(a: Analyzer, args: Arg[], state: State): Promise<void> {
  let list = args;
  // Old-style bundled letters: `tar czf out.tgz dir` ≡ `tar -c -z -f out.tgz dir`.
  const first = args[0];
  if (first && !first.text.startsWith("-") && /^[A-Za-z]+$/.test(first.text)) list = [{ ...first, text: `-${first.text}` }, ...args.slice(1)];
  const parsed = parseOptions(list, { valueShort: "fCTXbHKLNgV", valueLong: ["--file", "--directory", "--files-from", "--exclude", "--exclude-from", "--transform", "--owner", "--group", "--mode", "--format", "--use-compress-program", "--newer", "--label", "--keyfile", "--cachedir", "--configfile"] });
  const creating = hasOption(parsed, "-c", "--create", "-r", "--append", "-u", "--update", "-A", "--catenate");
  const own = { ...state };
  const dir = optionValues(parsed, "-C", "--directory")[0];
  if (dir) own.cwd = dir.text.includes(UNKNOWN) || state.cwd === undefined ? undefined : toAbsolute(dir.text, state.cwd, a.env.ctx.home);
  for (const file of optionValues(parsed, "-T", "--files-from")) {
    await a.file(file, state, "`tar -T` reads");
    // The files the list names, which the guard does not read: any file here.
    if (creating && file.text !== "-") await namesOnInput(a, own, undefined, `\`tar -T ${file.raw}\` archives the files it lists`);
  }
  if (!creating) {
    const printed = hasOption(parsed, "-x", "--extract", "--get") && hasOption(parsed, "-O", "--to-stdout", "--to-command");
    for (const archive of optionValues(parsed, "-f", "--file")) {
      await a.file(archive, state, "`tar` reads");
      if (printed && archive.text !== "-") await printedMembers(a, archive, parsed.operands, state, "`tar -O` prints");
    }
    return;
  }
  // tar matches an exclude against every member's name and its folders' (`--exclude=node_modules` leaves
  // the folder out), unless --anchored or --no-wildcards (`.env*` then names only itself) read them otherwise.
  const names = hasOption(parsed, "--anchored", "--no-wildcards") ? [] : [...optionValues(parsed, "--exclude").map((v) => v.text), ...(await excludeFiles(a, optionValues(parsed, "-X", "--exclude-from"), state))];
  const filter: SearchFilter = { ...EVERYTHING, exclude: names, excludeDirs: names.filter((n) => !n.includes("/")) };
  // --exclude-vcs-ignores leaves out what .gitignore names.
  const ignores = hasOption(parsed, "--exclude-vcs-ignores") ? (found: Finding[]) => notIgnored(a, found, own) : undefined;
  for (const source of parsed.operands) await a.tree(source, own, filter, `Archiving \`${source.raw}\``, ignores);
}

/**
 * Backup tools and image builders that store whole folders, here or elsewhere: `restic backup .`,
 * `borg create ::a .`, `kopia snapshot create .`, `duplicity . sftp://…`, `rdiff-backup . /mnt/b`,
 * `mkisofs -o x.iso .`, `mksquashfs . x.img`, `mke2fs -d . x.img`, `hdiutil create -srcfolder . x.dmg`.
 * Per name: the subcommand that stores, the options whose value is a path, and those whose value is
 * a name left out at any depth (`--exclude .env`). Other options' values are taken for folders: none
 * is there by such a name (`--tag nightly`), so they add nothing.
 */
const STORES: Record<string, string> = {
  restic: "backup|-r --repo --repository-file --password-file --cache-dir --cacert --tls-client-cert --files-from --files-from-verbatim --files-from-raw --exclude-file --iexclude-file|-e --exclude --iexclude",
  borg: "create|--exclude-from --patterns-from --pattern|-e --exclude",
  kopia: "create|--path --config-file|",
  duplicity: "|--exclude-filelist --include-filelist --archive-dir --tempdir --log-file|--exclude",
  "rdiff-backup": "|--exclude-filelist --include-filelist --exclude-globbing-filelist|--exclude",
  mkisofs: "|-x|-m -exclude",
  mksquashfs: "|-ef -comp -b|",
  mke2fs: "|-d|",
  hdiutil: "create|-srcfolder -srcdir|",
};

/** Whether the command stores folders (`restic dump` does not: the caller judges it as a reader). */
export async function storesFolders(a: Analyzer, name: string, args: Arg[], state: State): Promise<boolean> {
  // Spelled as mkisofs: genisoimage, xorrisofs, `xorriso -as mkisofs`; as mke2fs: mkfs.ext2 to mkfs.ext4.
  const tool = /^(genisoimage|xorrisofs|xorriso)$/.test(name) ? "mkisofs" : /^mkfs\.ext\d$/.test(name) ? "mke2fs" : name;
  if (name === "xorriso" && (args[0]?.text !== "-as" || args[1]?.text !== "mkisofs")) return false;
  const [sub, valueList, excludeList] = (STORES[tool] ?? "").split("|") as [string, string, string];
  const values = new Set(`${valueList} ${excludeList}`.split(" "));
  const excludes = excludeList.split(" ");
  const sources: Arg[] = [];
  const names: string[] = [];
  const lists: Arg[] = [];
  for (let i = name === "xorriso" ? 2 : 0; i < args.length; i++) {
    const word = args[i] as Arg;
    let option = word.text;
    // mksquashfs takes every word after -e as a name to leave out.
    if (tool === "mksquashfs" && option === "-e") {
      names.push(...args.slice(i + 1).map((w) => w.text));
      break;
    }
    if (!option.startsWith("-") || option === "-") {
      sources.push(word);
      continue;
    }
    const eq = option.indexOf("=");
    const value = option.startsWith("--") && eq > 0 ? { ...word, text: option.slice(eq + 1) } : values.has(option) ? args[++i] : undefined;
    if (eq > 0) option = option.slice(0, eq);
    if (!value) continue;
    if (excludes.includes(option)) names.push(value.text);
    else if (/^(--i?exclude-(file|from|filelist)|-ef)$/.test(option)) lists.push(value);
    // The folder stored is an option's value: mke2fs -d, hdiutil -srcfolder.
    else if (/^(-d|-srcfolder|-srcdir)$/.test(option)) await a.tree(value, state, EVERYTHING, `\`${name}\` stores \`${value.raw}\``);
    else if (option.startsWith("--files-from") && value.text !== "-") {
      await a.file(value, state, `\`${name} ${option}\` reads`);
      await namesOnInput(a, state, undefined, `\`${name} ${option}=${value.raw}\` stores the files it lists`);
    }
  }
  const at = sources.findIndex((w) => w.text === sub);
  if (at === -1 && sub) return false;
  // The folders follow the subcommand (borg's REPO::ARCHIVE, no path, among them); duplicity,
  // rdiff-backup and mksquashfs store all but their last operand in it.
  const stored = tool === "mke2fs" || tool === "hdiutil" ? [] : sources.slice(at + 1, /^(duplicity|rdiff-backup|mksquashfs)$/.test(tool) ? -1 : undefined);
  names.push(...(await excludeFiles(a, lists, state)));
  const filter: SearchFilter = { ...EVERYTHING, exclude: names, excludeDirs: names.filter((n) => !n.includes("/")) };
  for (const source of stored) await a.tree(source, state, filter, `\`${name}\` stores \`${source.raw}\``);
  return true;
}

export async function zip(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  // 7z's switches are whole words, their values joined (`-so`, `-psecret`, `-oout`).
  const parsed = parseOptions(args, { valueShort: name === "zip" ? "bnPtZ" : "", valueLong: ["--password", "--suffixes"] });
  // `7z x -so backup.7z`: extracted to stdout.
  const [verb, archive] = parsed.operands;
  if (name !== "zip" && archive && /^[ex]$/.test(verb?.text ?? "") && args.some((w) => w.text === "-so")) return printedMembers(a, archive, parsed.operands.slice(2), state, "`7z -so` prints");
  const operands = name === "zip" ? parsed.operands.slice(1) : parsed.operands.slice(2);
  const recursive = name !== "zip" || hasOption(parsed, "-r", "--recurse-paths");
  const xIndex = args.findIndex((w) => w.text === "-x" || w.text === "--exclude");
  // zip matches `-x` patterns against the whole stored path, `*` crossing folders: `-x .env` leaves
  // out ./.env but not config/.env. 7z's `-xr!name` leaves out the name at any depth (not `-x!`).
  const patterns = xIndex === -1 ? [] : args.slice(xIndex + 1).map((w) => w.text);
  const names: string[] = [];
  for (const word of args) {
    const m = /^-x(r[-0]?)?([!@])(.+)$/.exec(word.text);
    const list = !m ? [] : m[2] === "@" ? await excludeFiles(a, [{ ...word, text: m[3] as string }], state) : [m[3] as string];
    if (name === "zip") patterns.push(...list);
    else if (m?.[1]) names.push(...list);
  }
  const stored = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`));
  const cwd = state.cwd ?? "/";
  const kept = async (found: Finding[]) => found.filter((f) => f.kind !== "search" || !stored.some((re) => re.test(relativeTo(cwd, f.hit.path) ?? f.hit.path.replace(/^\/+/, ""))));
  const sources = xIndex === -1 ? operands : operands.filter((w) => !args.slice(xIndex + 1).includes(w));
  for (const source of sources) {
    if (recursive) await a.tree(source, state, { ...EVERYTHING, exclude: names }, `Archiving \`${source.raw}\``, stored.length > 0 ? kept : undefined);
    else await a.file(source, state, "Archiving");
  }
}

/** Compressed tarballs, whose decompressed stream holds each member's contents in plain text. */
export const TARBALL = /\.(t(ar\.)?(gz|bz2?|xz|zst|lz4?)|tar)$/i;

/**
 * An archive's members printed (`tar -xOf backup.tgz`, `unzip -p app.zip`, `7z x -so x.7z`, `zcat
 * backup.tar.gz`): those named, or else every one the archive lists, judged by its name as a file of
 * that name is (`backup/.env`). An archive there that the guard cannot list is refused.
 */
export async function printedMembers(a: Analyzer, archive: Arg, members: Arg[], state: State, how: string): Promise<void> {
  const named = { vars: new Map(), cwd: undefined };
  for (const member of members) await a.file(member, named, how);
  if (members.length > 0 || state.cwd === undefined || archive.text.includes(UNKNOWN)) return;
  const path = toAbsolute(archive.text, state.cwd, a.env.ctx.home);
  if (!(await a.env.ctx.io.exists(path))) return;
  const argv = /\.(zip|jar|war|whl|apk)$/i.test(path) ? ["unzip", "-Z1", path] : /\.7z$/i.test(path) ? ["7z", "l", "-ba", "-slt", path] : ["tar", "-tf", path];
  const listed = await a.env.ctx.io.run(argv, { cwd: state.cwd, timeoutMs: 5000 });
  if (listed.timedOut || listed.exitCode !== 0) return a.unchecked(`the members of \`${archive.raw}\`, which the guard could not list; name the members you need`, how);
  for (const line of listed.stdout.split("\n").slice(0, 5000)) {
    const member = argv[0] === "7z" ? /^Path = (.+)$/.exec(line)?.[1] : line;
    if (member && !member.endsWith("/")) await a.file({ text: member, raw: `${archive.raw}:${member}` }, named, how);
  }
}

export async function transfer(a: Analyzer, name: string, args: Arg[], state: State): Promise<void> {
  const how = `\`${name}\` sends or reads`;
  const dataOptions = new Set(["-d", "--data", "--data-binary", "--data-ascii", "--data-urlencode", "--json", "-T", "--upload-file", "-K", "--config", "-F", "--form", "--form-string", "-H", "--header", "--post-file", "--body-file", "-i", "--input-file"]);
  // The short options that take a value, where the tool's own are known.
  const letters = name === "curl" ? "AbcCdDeEFHKmoPQrtTuUwxXyYz" : name === "wget" ? "oaeiBtOTwQPUlARDIX" : "";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Arg;
    let option = arg.text;
    let value: Arg | undefined;
    const eq = option.indexOf("=");
    if (option.startsWith("--") && eq !== -1) {
      value = { ...arg, text: option.slice(eq + 1) };
      option = option.slice(0, eq);
    } else if (letters && /^-[^-]/.test(option)) {
      // A cluster of short options (`-sd @.env`, `-fsSLd@.env`): the first that takes a value takes
      // the rest of the word, or the next word. curl's -i is --include; wget's is --input-file.
      const at = [...option.slice(1)].findIndex((c) => letters.includes(c));
      if (at !== -1) {
        const rest = option.slice(at + 2);
        value = rest ? { ...arg, text: rest } : args[++i];
        option = `-${option[at + 1]}`;
      }
    } else if (/^-[dTKFHi]./.test(option)) {
      value = { ...arg, text: option.slice(2) };
      option = option.slice(0, 2);
    } else if (dataOptions.has(option)) {
      value = args[i + 1];
      i += 1;
    }
    if (value && dataOptions.has(option)) {
      const text = value.text;
      if (option === "-F" || option === "--form") {
        const at = /=[@<]([^;]+)/.exec(text);
        if (at) await a.file({ ...value, text: at[1] as string }, state, how);
      } else if (option === "--data-urlencode") {
        const at = text.indexOf("@");
        if (at !== -1) await a.file({ ...value, text: text.slice(at + 1) }, state, how);
      } else if (["-T", "--upload-file", "-K", "--config", "--post-file", "--body-file", "-i", "--input-file"].includes(option)) {
        await a.file(value, state, how);
      } else if (text.startsWith("@") && text !== "@-") {
        await a.file({ ...value, text: text.slice(1) }, state, how);
      }
      continue;
    }
    // `file:///…`, `file:/…` and `file://localhost/…`, in any case, all name a file here.
    const local = /^file:(?:\/\/(?:localhost)?)?(\/.*)$/i.exec(arg.text)?.[1];
    if (local) await a.file({ ...arg, text: decodeURIComponent(local) }, state, how);
    // A file served on this machine (`python3 -m http.server`, then `curl localhost:8000/.env`): judged by
    // its name, a trailing / aside (`/snippets/` is a listing or an app's route).
    const served = /^(?:https?:\/\/)?(?:localhost|127\.[\d.]+|0\.0\.0\.0|\[::1?\])(?::\d+)?(\/[^?#]*[^?#/])/i.exec(arg.text)?.[1];
    if (served) await a.file({ ...arg, text: `/${UNKNOWN}${served}` }, state, how);
    // A cloud's instance metadata service hands the machine's own credentials to whoever asks (AWS's
    // and Azure's at 169.254.169.254, AWS's over IPv6, ECS's at 169.254.170.2, GCP's metadata server by
    // either name), and so do Azure App Service's identity endpoint and GitHub Actions' OIDC token service.
    if (/169\.254\.170\.2|AWS_CONTAINER_CREDENTIALS|IDENTITY_ENDPOINT|MSI_ENDPOINT|ACTIONS_ID_TOKEN_REQUEST_URL|(169\.254\.169\.254|\[fd00:ec2::254\]|(?:\/\/|^)metadata(?:\.google\.internal)?)\/\S*(security-credentials|service-accounts\/\S*(token|identity)|oauth2\/token)/.test(arg.raw)) a.leak("the machine's cloud credentials (instance metadata)", `\`${name}\` fetches`);
    if (name !== "curl" && name !== "wget") {
      // HTTPie's request items that read a file: `@body`, `field=@text`, `field:=@json`, `field@upload`.
      const at = /^(?:[\w-]*(?:=|:=)?)?@(.+?)(?:;type=.*)?$/.exec(arg.text);
      if (at) await a.file({ ...arg, text: at[1] as string }, state, how);
    }
  }
}

/** File-transfer clients take commands on stdin (lftp also with -e or -c): `put` uploads a local file. */
export async function ftpClient(a: Analyzer, name: string, args: Arg[], stdinText: string | undefined, state: State): Promise<void> {
  // lftp's -e and -c, smbclient's -c (`smbclient //h/share -c 'put .env'`), else the script on stdin.
  const script = name === "lftp" || name === "smbclient" ? optionValues(parseOptions(args, { valueShort: name === "lftp" ? "ecfpu" : "cUWIpmAsOTDRn" }), "-e", "-c", "--command").map((v) => v.text).join(";") || (stdinText ?? "") : (stdinText ?? "");
  for (const line of script.split(/[\n;]/)) {
    const words = line.trim().split(/\s+/);
    if (/^(m?put|reput|append)$/.test(words[0] ?? "")) for (const w of words.slice(1, words[0] === "mput" ? undefined : 2)) await a.file({ text: w, raw: w }, state, `\`${name} ${words[0]}\` uploads`);
    // lftp's `mirror -R SRC [DEST]` uploads a folder, less the names -X leaves out.
    if (words[0] === "mirror" && words.some((w) => /^(-[a-zA-Z]*R|--reverse)$/.test(w))) {
      const parsed = parseOptions(words.slice(1).map((w) => ({ text: w, raw: w })), { valueShort: "xXiIPN", valueLong: ["--exclude", "--exclude-glob", "--include", "--include-glob", "--parallel", "--newer-than", "--older-than", "--file", "--directory", "--target-directory"] });
      const names = optionValues(parsed, "-X", "--exclude-glob").map((v) => v.text);
      const source = parsed.operands[0];
      if (source) await a.tree(source, state, { ...EVERYTHING, exclude: names, excludeDirs: names }, `\`${name} mirror -R\` uploads \`${source.raw}\``);
    }
  }
}

/**
 * Cloud storage uploads (`aws s3 sync . s3://b`, `gsutil -m rsync -r . gs://b`, `rclone sync . r:b`,
 * `az storage blob upload-batch -s .`): a local source goes up with every file in it, as with rsync.
 * Sources are the operands before the last (the destination), or az's `-s`/`-f`; remote paths are not.
 */
export async function upload(a: Analyzer, name: string, args: Arg[], state: State): Promise<boolean> {
  const words = args.map((w) => w.text);
  // Only a copy uploads: \`rclone config file\` or \`gsutil ls gs://b\` names no source.
  const copies = words.some((w) => /^(cp|mv|rsync|sync|bisync|copy|move|copyto|moveto)$/.test(w));
  const sub = name === "aws" ? words.includes("s3") && /^(cp|mv|sync)$/.test(words[words.indexOf("s3") + 1] ?? "") : name === "az" ? words.includes("storage") && words.some((w) => /^(upload|upload-batch|sync)$/.test(w)) : name === "gcloud" ? words.includes("storage") && copies : name === "azcopy" ? /^(copy|cp|sync)$/.test(words[0] ?? "") : /^(gsutil|rclone)$/.test(name) && copies;
  // A static site published as it is: `netlify deploy --dir .`, `surge .`, `gh-pages -d .`, `wrangler
  // pages deploy .` serve every file in the folder.
  const given = parseOptions(args, { valueShort: "dpbm", valueLong: ["--dir", "--dist", "--project", "--project-name", "--branch", "--domain", "--site", "--message", "--commit-message", "--alias", "--auth", "--filter"] });
  const site =
    name === "netlify" ? (words.includes("deploy") ? optionValues(given, "-d", "--dir") : [])
    : name === "surge" ? [...optionValues(given, "-p", "--project"), ...given.operands].slice(0, 1)
    : name === "gh-pages" ? optionValues(given, "-d", "--dist")
    : name === "wrangler" ? (words[0] === "pages" && /^(deploy|publish)$/.test(words[1] ?? "") ? given.operands.slice(2, 3) : [])
    : undefined;
  if (site) {
    for (const folder of site) await a.tree(folder, state, EVERYTHING, `Publishing \`${folder.raw}\` as a website`);
    return site.length > 0;
  }
  if (!sub) return false;
  const values = new Set(["--exclude", "--include", "--profile", "--region", "--endpoint-url", "--account-name", "--container-name", "-c", "-n", "--name", "--pattern", "--config", "--filter", "-d", "--destination"]);
  const operands = args.filter((w, i) => !w.text.startsWith("-") && !values.has(args[i - 1]?.text ?? "") && !/^(s3|cp|mv|sync|bisync|rsync|copy|move|copyto|moveto|storage|blob|upload|upload-batch)$/.test(w.text));
  const sources = name === "az" ? args.filter((_, i) => /^(-s|--source|-f|--file)$/.test(args[i - 1]?.text ?? "")) : operands.slice(0, -1);
  // Their patterns match the path from the source, `*` across folders: only `*…` without a slash
  // (`*.env`) means the same as a name pattern; `.env` alone leaves config/.env in.
  const filter: SearchFilter = { ...EVERYTHING, exclude: args.filter((w, i) => args[i - 1]?.text === "--exclude" && /^\*[^/]*$/.test(w.text)).map((w) => w.text) };
  for (const source of sources) if (!/^[\w+.-]*:/.test(source.text) || source.text.startsWith("./")) await a.tree(source, state, filter, `Uploading \`${source.raw}\``);
  return true;
}

/**
 * A secret file on another machine, in a bucket or a container (`gsutil cat gs://b/.env`,
 * `aws s3 cp s3://b/.env -`, `scp host:/app/.env notes.txt`), judged by its name: refused when
 * printed, or copied here under a name that is no secret. Copied into a folder or to a secret's
 * name that is a plain file (no link to /dev/stdout), the copy stays guarded.
 */
export async function remoteSecret(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const { rules } = a.env;
  const { io, home } = a.env.ctx;
  const operands = args.filter((w) => !w.text.startsWith("-") || w.text === "-");
  const cat = operands.some((w) => w.text === "cat");
  const last = operands[operands.length - 1];
  for (const arg of operands) {
    const path = /^(?:[a-z][\w+.-]*:\/\/[^/]*|(?:[\w.-]+\/)?[\w.@-]+:(?!\/\/))(.+)$/i.exec(arg.text)?.[1];
    // By its name, or by its whole path where the path says it (`host:~/.aws/credentials`, `host:/root/.kube/config`).
    const whole = path?.[0] === "/" ? path : path?.startsWith("~/") ? `/home/${UNKNOWN}${path.slice(1)}` : undefined;
    const match = path === undefined ? undefined : ((whole && rules.classify(whole)) || rules.classify(`/${UNKNOWN}/${basename(path)}`));
    if (!match || (!cat && arg === last)) continue;
    const dest = cat || !last ? "-" : last.text;
    const local = dest === "-" || dest === "/dev/stdout" || dest.includes(UNKNOWN) ? undefined : toAbsolute(dest, state.cwd ?? "/", home);
    if (local !== undefined) {
      const into = dest.endsWith("/") || (await io.stat(local))?.kind === "dir" ? `${local}/${basename(arg.text)}` : local;
      if (rules.classify(into) && (await guardedTarget(a, into))) continue;
    }
    a.findings.push({ kind: "file", hit: { path: arg.raw, match }, how: local === undefined ? "Printing" : `Copying to \`${dest}\`, a name no secret has,` });
  }
}

/**
 * `npm publish` and `npm pack` (pnpm's, yarn's, bun's too) send a package's files to a registry,
 * anyone's to download. npm takes package.json's `files` when it has them, else the folder minus
 * what .npmignore (or, without one, .gitignore) names, and always leaves out .npmrc, .git and
 * node_modules. A --dry-run only lists the files.
 */
export async function packageFiles(a: Analyzer, args: Arg[], state: State): Promise<void> {
  // A tarball was packed, and judged, by an earlier `npm pack`.
  if (args.some((w) => w.text === "--dry-run" || /\.t?gz$/.test(w.text)) || state.cwd === undefined) return;
  // A folder given as a path (`npm publish ./pkg`); other words are option values (`--access public`).
  const folder = args.slice(1).find((w) => /^[./~]/.test(w.text)) ?? HERE;
  const dir = toAbsolute(folder.text, state.cwd, a.env.ctx.home);
  const io = a.env.ctx.io;
  let files: unknown;
  try {
    files = (JSON.parse((await io.readText(`${dir}/package.json`)) ?? "{}") as { files?: unknown }).files;
  } catch {
    // No package.json npm can read: npm stops, publishing nothing.
    return;
  }
  const how = `Publishing the package in \`${folder.raw}\``;
  const filter: SearchFilter = { ...EVERYTHING, exclude: [".npmrc"], excludeDirs: [".git", "node_modules"] };
  if (Array.isArray(files)) {
    // Each entry up to its first glob (`dist/**/*.js` as dist): at least what npm takes.
    for (const entry of files) if (typeof entry === "string") await a.tree({ text: `${dir}/${entry.replace(/(^|\/)[^/]*[*?[{].*$/, "") || "."}`, raw: entry }, state, filter, how);
    return;
  }
  filter.exclude.push(...(await excludedNames(io, [`${dir}/${(await io.exists(`${dir}/.npmignore`)) ? ".npmignore" : ".gitignore"}`])));
  await a.tree({ text: dir, raw: folder.raw }, state, filter, how);
}

/**
 * gh's own subcommands take numbers, names and text (`gh run view $RUN`, `gh pr comment $PR --body
 * "…"`): only the files it reads or sends count (`--body-file`, `-F key=@file`, `--input`, what `gh
 * gist`, `gh release`, a key upload (`gh repo deploy-key add`) or `gh codespace cp` takes). An extension or alias, or a
 * subcommand it does not know, is taken to read every word, as an unknown command is.
 */
export async function gh(a: Analyzer, args: Arg[], state: State): Promise<void> {
  const group = ` ${args[0]?.text} `;
  if (!" pr issue run workflow repo api release gist label search browse cache project status ruleset org config codespace ssh-key gpg-key ".includes(group)) return a.readsAll(args, state, "`gh` reads");
  const uploads = " release gist codespace ssh-key gpg-key ".includes(group) || args[1]?.text === "deploy-key";
  for (const [i, w] of args.entries()) {
    // `--input=x`, and the short options glued to their value (`-Fbody=@x`, `-F.env`).
    const glued = /^(--[\w-]+)=(.*)$/s.exec(w.text) ?? /^(-[FfaT])(.+)$/s.exec(w.text);
    const option = glued?.[1] ?? args[i - 1]?.text ?? "";
    const value = glued ? { ...w, text: glued[2] as string } : w;
    // `-F title=x` is a field, `-F key=@file` a file's contents; `-F file` (pr, issue, release) the body.
    // An upload's operands are files (`gh release upload v1 app.zip#Label`: a display label after the name).
    const field = /^[\w.[\]-]*=/.exec(value.text)?.[0];
    if (/^(-F|--field|-f|--raw-field|--body-file|--notes-file|--input|--recover|-a|--add|-T|--template)$/.test(option)) {
      if (field === undefined || value.text[field.length] === "@") await a.file({ ...value, text: value.text.slice(field === undefined ? 0 : field.length + 1) }, state, "`gh` reads");
    } else if (uploads && i > 1 && !w.text.startsWith("-")) await a.file({ ...w, text: w.text.replace(/#[^/]*$/, "") }, state, "`gh` sends");
  }
}
