import { describe, expect, it } from "vitest";
import { SECRET_CATEGORIES } from "../../hooks/src/guards/secrets/categories.js";
import { globToRegExp } from "../../hooks/src/guards/secrets/glob.js";
import { DEFAULT_FRAGMENTS } from "../../hooks/src/guards/secrets/generated/default-fragments.js";
import { literalFragment } from "../../hooks/src/guards/secrets/rules.js";
import { onlyPublicPem } from "../../hooks/src/guards/secrets/secret-files.js";

/** A few strings a glob matches: wildcards filled in several ways, braces and classes resolved. */
function samples(pattern: string): string[] {
  const fills = [["x", "ab/cd", "q"], ["", "", "Z"], ["LONG-Name.ext", "a/b/c", "1"]];
  return fills.map(([star, globstar, one]) =>
    pattern
      .replace(/^~\//, "/home/u/")
      .replace(/\*\*/g, globstar as string)
      .replace(/\*/g, star as string)
      .replace(/\?/g, one as string)
      .replace(/\{([^,}]*)[^}]*\}/g, "$1")
      .replace(/\[!?\^?([^\]])[^\]]*\]/g, "$1"),
  );
}

describe("literal fragments of secret patterns", () => {
  const patterns = SECRET_CATEGORIES.flatMap((category) => [...category.patterns, ...(category.except ?? [])]);
  const extra = ["secrets.{json,yaml,yml}", "[abc]x.pem", "a\\*b.key", "config/prod/*.yaml", "*"];

  it.each([...patterns, ...extra])("every path %s matches contains its fragment", (pattern) => {
    const fragment = literalFragment(pattern);
    const re = globToRegExp(pattern.replace(/^~\//, "/home/u/"), "i");
    for (const sample of samples(pattern)) {
      if (!re.test(sample) && !re.test(sample.replace(/^\/home\/u\//, ""))) continue;
      expect(sample.toLowerCase()).toContain(fragment);
    }
  });

  it("treats braces and classes as wildcards", () => {
    expect(literalFragment("secrets.{json,yaml}")).toBe("secrets.");
    expect(literalFragment("[abc]x.pem")).toBe("x.pem");
    expect(literalFragment("*")).toBe("");
    expect(literalFragment("~/.ssh/**")).toBe("/.ssh/");
  });
});

describe("onlyPublicPem", () => {
  const block = (label: string) => `-----BEGIN ${label}-----\nMIIB\n-----END ${label}-----\n`;
  it.each([
    ["a certificate chain", block("CERTIFICATE") + block("CERTIFICATE"), true],
    ["a public key", block("PUBLIC KEY"), true],
    ["a certificate request", block("CERTIFICATE REQUEST"), true],
    ["a private key", block("PRIVATE KEY"), false],
    ["an RSA private key", block("RSA PRIVATE KEY"), false],
    ["an encrypted private key", block("ENCRYPTED PRIVATE KEY"), false],
    ["a certificate with its key", block("CERTIFICATE") + block("EC PRIVATE KEY"), false],
    ["a block the guard does not know", block("OPENSSH PRIVATE KEY"), false],
    ["no PEM at all", "pem", false],
  ])("%s: %s", (_name, text, expected) => {
    expect(onlyPublicPem(text)).toBe(expected);
  });
});

describe("the build's list of default fragments", () => {
  it("is literalFragment of every default pattern (npm run build regenerates it)", () => {
    expect(DEFAULT_FRAGMENTS.split("\n")).toEqual(SECRET_CATEGORIES.flatMap((category) => category.patterns.map(literalFragment)));
  });
});

describe("globToRegExp on a class the shell cannot match", () => {
  it.each(["[z-a]", "src/[b-a]*", "[9-0].txt"])("%j matches nothing and does not throw", (glob) => {
    const re = globToRegExp(glob);
    for (const text of ["a", "z", "src/b", "src/bx", "5.txt", glob]) expect(re.test(text)).toBe(false);
  });

  it("still matches what a valid class matches", () => {
    expect(globToRegExp("[a-z]*.txt").test("notes.txt")).toBe(true);
  });
});
