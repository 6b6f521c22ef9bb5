import { EVERYTHING, type SearchFilter } from "./tree-search.js";

/**
 * ripgrep's --type names and their globs, as the ripgrep in Claude Code (14.1.1, `rg --type-list`) has
 * them (a type's names before the colon), for the types people search by. A type that leaves out a glob of ripgrep's would let a search
 * reach files unseen: `-t sh` takes .bashrc and .zshrc, `-t java` every .properties. An unknown type
 * filters nothing. A string, not a table: only the type asked for is split.
 */
const RG_TYPES = `
js:*.js *.jsx *.vue *.cjs *.mjs
ts:*.ts *.tsx *.cts *.mts
py:*.py *.pyi
rust:*.rs
go:*.go
java:*.java *.jsp *.jspx *.properties
kotlin:*.kt *.kts
scala:*.scala *.sbt
gradle:*.gradle *.gradle.kts gradle-wrapper.* gradle.properties gradlew gradlew.bat
groovy:*.groovy *.gradle
c:*.[chH] *.[chH].in *.cats
cpp:*.[ChH] *.cc *.[ch]pp *.[ch]xx *.hh *.inl *.[ChH].in *.cc.in *.[ch]pp.in *.[ch]xx.in *.hh.in
h:*.h *.hh *.hpp
cs csharp:*.cs
swift:*.swift
php:*.php *.php3 *.php4 *.php5 *.php7 *.php8 *.pht *.phtml
ruby rb:config.ru Gemfile .irbrc Rakefile *.gemspec *.rb *.rbw
elixir:*.ex *.eex *.exs *.heex *.leex *.livemd
dart:*.dart
lua:*.lua
md markdown:*.markdown *.md *.mdown *.mdwn *.mdx *.mkd *.mkdn
txt:*.txt
html:*.htm *.html *.ejs
css:*.css *.scss
sass:*.sass *.scss
sql:*.sql *.psql
sh:.login .logout .profile profile .bash_login bash_login .bash_logout bash_logout .bash_profile bash_profile .bashrc bashrc *.bashrc .cshrc *.cshrc .kshrc *.kshrc .tcshrc .zshenv zshenv .zlogin zlogin .zlogout zlogout .zprofile zprofile .zshrc zshrc *.bash *.csh *.ksh *.sh *.tcsh *.zsh
zsh:.zshenv zshenv .zlogin zlogin .zlogout zlogout .zprofile zprofile .zshrc zshrc *.zsh
fish:*.fish
ps:*.cdxml *.ps1 *.ps1xml *.psd1 *.psm1
json:*.json *.sarif composer.lock
yaml:*.yaml *.yml
toml:*.toml Cargo.lock
xml:*.xml *.xml.dist *.dtd *.xsl *.xslt *.xsd *.xjb *.rng *.sch *.xhtml
config:*.cfg *.conf *.config *.ini
tf:*.tf *.auto.tfvars terraform.tfvars *.tf.json *.auto.tfvars.json terraform.tfvars.json *.terraformrc terraform.rc *.tfrc *.terraform.lock.hcl
docker:*Dockerfile*
make:[Gg][Nn][Uu]makefile [Mm]akefile [Gg][Nn][Uu]makefile.am [Mm]akefile.am [Gg][Nn][Uu]makefile.in [Mm]akefile.in *.mk *.mak
jupyter:*.ipynb *.jpynb
protobuf:*.proto
csv:*.csv
log:*.log
`;

export function typeGlobs(type: string): string[] | undefined {
  const name = type.toLowerCase();
  for (const line of RG_TYPES.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).split(" ").includes(name)) return line.slice(colon + 1).split(" ");
  }
  return undefined;
}

/** The Grep tool runs ripgrep with the input's `glob` and `type`, and `--hidden` (what git ignores is left to the caller). */
export function grepToolFilter(input: Record<string, unknown>): SearchFilter {
  const filter: SearchFilter = { ...EVERYTHING, include: [], includePaths: [], rules: [], rulePaths: true };
  if (typeof input.glob === "string" && input.glob !== "") {
    for (const glob of splitBraceList(input.glob)) {
      filter.rules.push(glob.startsWith("!") ? [false, glob.slice(1)] : [true, glob]);
      if (!glob.startsWith("!")) filter.includePaths.push(glob);
    }
  }
  // As ripgrep: with any glob that picks files, a file none matches is not searched.
  filter.fallback = filter.includePaths.length === 0;
  // Claude Code adds `!.git` and the like before the input's globs (a later glob could take them back).
  if (filter.fallback) filter.excludeDirs = [".git", ".svn", ".hg", ".bzr", ".jj", ".sl"];
  // Claude Code's ripgrep skips what git ignores (a folder a glob names aside).
  filter.skipIgnored = true;
  if (typeof input.type === "string") {
    const globs = typeGlobs(input.type);
    if (globs) filter.include.push(...globs);
  }
  return filter;
}

/** The Grep tool accepts several globs separated by spaces or commas outside braces. */
function splitBraceList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    if ((char === "," || char === " ") && depth === 0) {
      if (current) out.push(current);
      current = "";
    } else current += char;
  }
  if (current) out.push(current);
  return out;
}
