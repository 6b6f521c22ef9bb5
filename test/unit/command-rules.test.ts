/** The secret guard's pure rules about what a command prints: sed in place, openssl, HTTP clients. */
import { describe, expect, it } from "vitest";
import { exportedWords, isSecretVariable, namesOnly, opensslPrintsInput, plainAssignments, printsArguments, sedEditsInPlace, sedScripts } from "../../hooks/src/guards/secrets/command-rules.js";

describe("sed that only edits its files in place", () => {
  it.each([
    [["-i", "s/^DEBUG=.*/DEBUG=1/", ".env"]],
    [["-i.bak", "s/a/b/", ".env"]],
    [["-i", "-e", "s/a/b/g", "-e", "/^#/d", ".env"]],
    [["-i", "$a NEW=1", ".env"]],
    [["-i", "s|a|b|; s/x/y/", ".env"]],
    [["-Ei", "s/(a)/\\1b/", ".env"]],
    [["-i", "", "s/a/b/", ".env"]],
    [["--in-place", "3d", ".env"]],
    [["-i", "/^API_KEY=/c API_KEY=new", ".env"]],
    [["--in-place=.orig", "--expression=s/a/b/", ".env"]],
  ])("edits in place: sed %j", (args) => {
    expect(sedEditsInPlace(args)).toBe(true);
  });

  it.each([
    [["-i", "-n", "p", ".env"]],
    [["-i", "s/a/b/w /dev/stdout", ".env"]],
    [["-i", "s/a/b/e", ".env"]],
    [["-i", "r .env", "notes.txt"]],
    [["-i", "1e cat .env", "x"]],
    [["s/a/b/", ".env"]],
    [["-n", "p", ".env"]],
    [["-i", "-f", "script.sed", ".env"]],
    [["--debug", "-i", "s/a/b/", ".env"]],
    [["-i", "w out", ".env"]],
    [["-i", "s/a/b/;w /dev/stderr", ".env"]],
    [["-i", "$a x\nw /dev/stdout", ".env"]],
    [["-i", "y/abc/xyz/", ".env"]],
  ])("may print, read or run: sed %j", (args) => {
    expect(sedEditsInPlace(args)).toBe(false);
  });
});

describe("which of sed's words are its script", () => {
  it.each([
    [["-n", "/a/,/^}/p", "src/resource-dirs.test.ts"], ["/a/,/^}/p"]],
    [["-e", "s/a/b/", "src/resource.ts"], ["s/a/b/"]],
    [["-ne", "p", "x"], ["p"]],
    [["--expression=1r .env", "-e", "d", "README.md"], ["1r .env", "d"]],
    [["README.md", "-e", "s/a/b/"], ["s/a/b/"]],
    [["-ie", "s/a/b/", "x"], ["s/a/b/"]],
    [["-l", "70", "l", "x"], ["l"]],
    [["-f", "script.sed", "notes.txt"], []],
    [["--", "-n", "x"], ["-n"]],
  ])("sed %j: %j", (args, scripts) => {
    expect(sedScripts(args).scripts.map((s) => s.text)).toEqual(scripts);
  });

  it("marks a script read from a file as not all seen", () => {
    expect(sedScripts(["-f", "script.sed", "x"]).unknown).toBe(true);
    expect(sedScripts(["-n", "p", "x"]).unknown).toBe(false);
  });
});

describe("openssl subcommands and the keys they print", () => {
  it.each([["req", "-new", "-key", "k.pem"], ["x509", "-in", "c.pem", "-noout", "-dates"], ["s_client", "-key", "k.pem"], ["dgst", "-sign", "k.pem"], ["genrsa", "-out", "k.pem"], ["rsa", "-in", "k.pem", "-pubout"], ["rsa", "-in", "k.pem", "-noout", "-check"]])(
    "prints no key: openssl %s …",
    (...args) => {
      expect(opensslPrintsInput(args)).toBe(false);
    },
  );

  it.each([["rsa", "-in", "k.pem"], ["rsa", "-in", "k.pem", "-noout", "-text"], ["pkey", "-in", "k.pem"], ["asn1parse", "-in", "k.pem"], ["base64", "-in", ".env"], ["enc", "-d", "-in", "s.enc"], ["pkcs12", "-in", "k.p12", "-nodes"], []])(
    "may print what it reads: openssl %s …",
    (...args) => {
      expect(opensslPrintsInput(args)).toBe(true);
    },
  );
});

describe("commands that print their own arguments", () => {
  it.each([["echo", ["x"]], ["printf", ["%s", "x"]], ["curl", ["-v", "u"]], ["curl", ["-sSv", "u"]], ["curl", ["--trace-ascii", "-", "u"]], ["wget", ["--debug", "u"]], ["http", ["-v", "u"]], ["xh", ["--print=HB", "u"]], ["http", ["-p", "Hh", "u"]]])(
    "%s %j shows its arguments",
    (name, args) => {
      expect(printsArguments(name, args)).toBe(true);
    },
  );

  it.each([["curl", ["-sS", "u"]], ["curl", ["-o", "out", "u"]], ["wget", ["-q", "u"]], ["http", ["u", "Authorization:x"]], ["ls", ["-v"]]])("%s %j does not", (name, args) => {
    expect(printsArguments(name, args)).toBe(false);
  });
});

describe("dotenv files the shell can source without printing", () => {
  it.each([
    ["TOKEN=abc123\n", ["TOKEN"]],
    ["# comment\n\nexport DB=\"postgres://u:p@h/db\"\nURL=${DB}/x\nQ='a b'\n", ["DB", "URL", "Q"]],
    ["KEY=abc#def  # note\r\n", ["KEY"]],
    ["EMPTY=\n", ["EMPTY"]],
  ])("%j sets %j", (text, names) => {
    expect(plainAssignments(text)).toEqual(names);
  });

  it.each([
    "TOKEN=abc def\n",
    'KEY="-----BEGIN\nxyz\n-----END"\n',
    "KEY=$(cat /etc/passwd)\n",
    'KEY="a$(id)"\n',
    "KEY=`id`\n",
    "not an assignment\n",
    "KEY=a;echo b\n",
    "[default]\naws_access_key_id=x\n",
  ])("%j would run or print something", (text) => {
    expect(plainAssignments(text)).toBeUndefined();
  });
});

describe("dotenv files export takes word by word", () => {
  it.each<[string, boolean, string[]]>([
    ["A=1\nexport B='x'\n\nC=\"y\"\r\n", false, ["A", "B", "C"]],
    ["# note\nA=a#b\n", true, ["A"]],
    ["", false, []],
  ])("%j (comments out: %s) sets %j", (text, uncommented, names) => {
    expect(exportedWords(text, uncommented)).toEqual(names);
  });

  it.each<[string, boolean]>([
    ["# note\nA=1\n", false],
    ["  # indented, kept by grep -v '^#'\nA=1\n", true],
    ["A='two words'\n", true],
    ["A=x y\n", true],
    ["A=a\\ b\n", true],
    ["A=it's\n", true],
    ["not an assignment\n", true],
  ])("%j (comments out: %s) would put a word in export's error", (text, uncommented) => {
    expect(exportedWords(text, uncommented)).toBeUndefined();
  });
});

describe("command lines that print only the names before each line's =", () => {
  it.each<[string, string[], number[]]>([
    ["cut", ["-d=", "-f1", ".env"], [2]],
    ["cut", ["-d", "=", "-f", "1", ".env", ".env.local"], [4, 5]],
    ["cut", ["-s", "--delimiter==", "--fields=1", ".env"], [3]],
    ["awk", ["-F=", "{print $1}", ".env"], [2]],
    ["gawk", ["-F", "=", "{ print $1; }", ".env"], [3]],
    ["sed", ["s/=.*//", ".env"], [1]],
    ["sed", ["s/=.*/=/", ".env"], [1]],
    ["sed", ["s/=.*/=***/", ".env"], [1]],
    ["sed", ["-e", "s|=.*$|=<redacted>|g", ".env"], [2]],
    ["sed", ["-E", "-e", "s|=.*$||", ".env"], [3]],
    ["sed", ["-n", "s/^\\([A-Z_]*\\)=.*/\\1/p", ".env"], [2]],
    ["sed", ["-nE", "s/^([A-Z_][A-Z0-9_]*)=.*/\\1/p", ".env"], [2]],
    ["sed", ["-n", "-E", "s/^([^=]+)=.*/\\1/p", ".env"], [3]],
    ["sed", ["-n", "s/^\\(\\w\\+\\)=.*/\\1/p", ".env"], [2]],
    ["grep", ["-o", "^[^=]*", ".env"], [2]],
    ["grep", ["-ohE", "^[A-Z_]+", ".env"], [2]],
    ["grep", ["-oE", "^[A-Za-z_][A-Za-z0-9_]*=", ".env"], [2]],
    ["grep", ["-oE", "^[A-Z_]{1,64}", ".env"], [2]],
    ["awk", ["-F=", "!/^#/ && NF {print $1}", ".env"], [2]],
    ["awk", ["-F=", "/^[A-Z]/{print $1}", ".env"], [2]],
    ["awk", ["-F=", "NR > 1 && $1 !~ /^#/ { print $1 }", ".env"], [2]],
  ])("%s %j prints names only", (name, words, operands) => {
    expect(namesOnly(name, words)).toEqual(operands);
  });

  it.each<[string, string[]]>([
    ["cut", ["-d=", "-f2", ".env"]],
    ["cut", ["-d=", "-f1", "--complement", ".env"]],
    ["cut", ["-c1-5", ".env"]],
    ["awk", ["-F=", "{print $2}", ".env"]],
    ["awk", ["{print $1}", ".env"]],
    ["awk", ["-F=", "-v", "x=1", "{print $1}", ".env"]],
    ["sed", ["s/=.*/=&/", ".env"]],
    ["sed", ["-E", "s/=(.*)/=\\1/", ".env"]],
    ["sed", ["s/=.*/=\\0/", ".env"]],
    ["sed", ["-n", "s/=.*//p", ".env"]],
    ["sed", ["s/^\\([A-Z_]*\\)=.*/\\1/", ".env"]],
    ["sed", ["-n", "s/^\\(.*\\)=.*/\\1/p", ".env"]],
    ["sed", ["-n", "s/\\([A-Z_]*\\)=.*/\\1/p", ".env"]],
    ["sed", ["-n", "s/^\\([A-Z_]*\\)=\\(.*\\)/\\2/p", ".env"]],
    ["sed", ["-n", "s/^\\([A-Z_]*\\)=.*/\\1 &/p", ".env"]],
    ["sed", ["-n", "s/^\\([A-Z_=]*\\)=.*/\\1/p", ".env"]],
    ["sed", ["-n", "s/^\\([A-Z_]*\\)=.*/\\1/p;p", ".env"]],
    ["grep", ["^[^=]*", ".env"]],
    ["grep", ["-o", "-f", "patterns.txt", "^[^=]*", ".env"]],
    ["grep", ["-o", "-A3", "^[^=]*", ".env"]],
    ["grep", ["-o", "^[^=]*=.", ".env"]],
    ["grep", ["-oE", "^[A-Z_=]+", ".env"]],
    ["grep", ["-oE", "^[A-Z_]+=[a-z]", ".env"]],
    ["grep", ["-oE", "^[A-Z_]+.*", ".env"]],
    ["awk", ["-F=", "/x/ {print $1} {print $2}", ".env"]],
    ["awk", ["-F=", "x = $2 {print $1}", ".env"]],
    ["awk", ["-F=", "system(\"cat .env\") {print $1}", ".env"]],
    ["awk", ["-F=", "/a/ || print $2 {print $1}", ".env"]],
  ])("%s %j may print values", (name, words) => {
    expect(namesOnly(name, words)).toBeUndefined();
  });
});

describe("variable names that mark a secret", () => {
  it.each(["GITHUB_TOKEN", "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "DB_PASSWORD", "PGPASSWORD", "DATABASE_URL", "SLACK_WEBHOOK_URL", "STRIPE_SECRET_KEY", "GH_PAT", "NPM_CONFIG__AUTH", "JWT_SECRET", "HF_TOKEN", "NEXT_PUBLIC_SECRET_TOKEN"])("%s is one", (name) => {
    expect(isSecretVariable(name)).toBe(true);
  });

  it.each(["HOME", "PWD", "TOKENIZERS_PARALLELISM", "MAX_TOKENS", "TOKEN_URL", "TOKEN_EXPIRY", "PASSWORD_MIN_LENGTH", "PASSPHRASE_FILE", "API_KEY_HEADER_NAME", "CREDENTIALS_DIR", "GITHUB_TOKEN_PERMISSIONS", "STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_SUPABASE_ANON_KEY", "PUBLIC_KEY_PATH", "GOOGLE_APPLICATION_CREDENTIALS", "SSH_AUTH_SOCK", "API_URL", "KEYCLOAK_URL"])("%s is not", (name) => {
    expect(isSecretVariable(name)).toBe(false);
  });
});
