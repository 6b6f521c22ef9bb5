/**
 * printedThroughName: a script that reads a secret variable into a name of its own and prints that
 * name later leaks the secret as surely as printing the read itself; tests, calls and reassignment
 * show none of it.
 */
import { describe, expect, it } from "vitest";
import { dotenvPaths, moduleAliases, printedSecretVariable, printedThroughName } from "../../hooks/src/guards/secrets/inline-code.js";

const isSecret = (name: string) => /TOKEN|KEY|SECRET|PASSWORD/.test(name);

const PRINTED: Array<[code: string, variable: string]> = [
  ['key = os.getenv("OPENAI_API_KEY")\nprint(f"Key: {key}")', "OPENAI_API_KEY"],
  ['key = os.environ["OPENAI_API_KEY"]\nprint("loaded:", key[:8])', "OPENAI_API_KEY"],
  ['api_key: str = os.environ.get("STRIPE_SECRET_KEY", "")\nprint("key " + api_key)', "STRIPE_SECRET_KEY"],
  ["const token = process.env.GITHUB_TOKEN;\nconsole.log('token is', token);", "GITHUB_TOKEN"],
  ["const token = process.env.GITHUB_TOKEN;\nconsole.log(`token: ${token}`);", "GITHUB_TOKEN"],
  ["const { GITHUB_TOKEN, PORT } = process.env;\nconsole.log(GITHUB_TOKEN);", "GITHUB_TOKEN"],
  ['token = ENV["GITHUB_TOKEN"]\nputs "token #{token}"', "GITHUB_TOKEN"],
  ['$key = getenv("APP_SECRET");\necho $key;', "APP_SECRET"],
  ['key = os.getenv("API_KEY")\nurl = f"https://api.example.com/v1?key={key}"\nprint(url)', "API_KEY"],
  ['token = os.getenv("GH_TOKEN")\nheaders = {"Authorization": f"Bearer {token}"}\nprint(headers)', "GH_TOKEN"],
  ['key = os.getenv("API_KEY")\nprint({"key": key})', "API_KEY"],
  ['key = os.environ["API_KEY"].strip()\nprint(key)', "API_KEY"],
  // Calls that show what they are given, and the other ways a script shows a value: logs, exits, errors.
  ['key = os.getenv("API_KEY")\nprint(json.dumps({"key": key}))', "API_KEY"],
  ["const token = process.env.GITHUB_TOKEN;\nconsole.log(JSON.stringify({ token }));", "GITHUB_TOKEN"],
  ['key = os.getenv("API_KEY")\nlogging.warning("key is %s", key)', "API_KEY"],
  // At INFO, which scripts commonly turn on (basicConfig) and Node's loggers print by default; debug stays off.
  ['key = os.getenv("API_KEY")\nlogging.info("loaded %s", key)', "API_KEY"],
  ["const token = process.env.GITHUB_TOKEN;\nlogger.info({ token }, 'ready');", "GITHUB_TOKEN"],
  ['key = os.environ["API_KEY"]\nsys.exit(f"bad key {key}")', "API_KEY"],
  ['key = os.environ["API_KEY"]\nraise RuntimeError(key)', "API_KEY"],
  ["const token = process.env.GITHUB_TOKEN;\nthrow new Error(`bad token ${token}`);", "GITHUB_TOKEN"],
  // What a dotenv library reads from .env, all of it.
  ['config = dotenv_values(".env")\nprint(config)', "the values a dotenv library reads from .env"],
  ["const parsed = require('dotenv').config().parsed;\nconsole.log(parsed);", "the values a dotenv library reads from .env"],
];

const NOT_PRINTED: string[] = [
  'key = os.getenv("OPENAI_API_KEY")\nprint("set" if key else "missing")',
  'key = os.getenv("OPENAI_API_KEY")\nprint(f"Key loaded: {bool(key)}")',
  'key = os.getenv("OPENAI_API_KEY")\nprint(f"Key length: {len(key)}")',
  'key = os.getenv("OPENAI_API_KEY")\nif not key:\n    print("key is not set: export OPENAI_API_KEY")',
  'key = os.getenv("OPENAI_API_KEY")\nclient = OpenAI(api_key=key)\nprint(client.models.list())',
  'token = os.getenv("GH_TOKEN")\nprint(fetch_repos(token))',
  'key = os.getenv("API_KEY")\nkey = "redacted"\nprint(key)',
  'token = os.getenv("GH_TOKEN")\nfor token in tokens:\n    print(token)',
  'port = os.getenv("PORT")\nprint(f"listening on {port}")',
  "const token = process.env.GITHUB_TOKEN;\nif (!token) console.error('GITHUB_TOKEN missing');",
  "const token = process.env.GITHUB_TOKEN;\nconsole.log(`auth: ${token ? 'yes' : 'no'}`);",
  "const { PORT } = process.env;\nconsole.log(PORT);",
  'key = os.getenv("API_KEY")\nlogging.info("started")',
  'key = os.getenv("API_KEY")\nprint("monkey business")',
  'r = requests.post(URL, headers={"Authorization": os.environ["API_TOKEN"]})\nprint(r.status_code)',
  'key = os.getenv("API_KEY")\nif not key:\n    raise SystemExit("API_KEY is not set")',
  'key = os.getenv("API_KEY")\nprint(str(len(key)))',
  'key = os.getenv("API_KEY")\nlogging.debug("loaded %s", key)',
  'config = dotenv_values(".env")\nprint(f"{len(config)} settings loaded")',
  'key = os.getenv("OPENAI_API_KEY")\nprint(key[:3] == "sk-")',
  'key = os.getenv("OPENAI_API_KEY")\nprint("format ok:", key.startswith("sk-"))',
];

// Code on the command line that hands a key to a client and prints what the client answers.
const GIVEN_TO_A_CALL = [
  "import os; from openai import OpenAI; client = OpenAI(api_key=os.getenv('OPENAI_API_KEY')); print(client.models.list())",
  "from openai import OpenAI\nclient = OpenAI(\n    api_key=os.getenv('OPENAI_API_KEY'),\n    base_url='https://x/v1',\n)\nr = client.chat.completions.create(model='m', messages=[])\nprint(r.choices[0].message.content)",
  "import os, requests; r = requests.get('https://api.github.com/user', headers={'Authorization': 'token ' + os.environ['GITHUB_TOKEN']}); print(r.status_code)",
  "const c = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }); c.messages.create({}).then((r) => console.log(r.content))",
  // Fields whose names hold key, token or auth without being one: a row's keys, a reply's token counts, a commit's author.
  "const s = createClient(url, process.env.SUPABASE_SERVICE_KEY); s.from('t').select('*').then(({ data }) => console.log(Object.keys(data[0]).join(', ')))",
  "client = OpenAI(api_key=os.getenv('OPENAI_API_KEY')); r = client.chat.completions.create(model='m', messages=[]); print(r.usage.total_tokens, r.usage.prompt_tokens)",
  "g = Github(os.environ['GITHUB_TOKEN']); c = g.get_repo('a/b').get_commits()[0]; print(c.commit.author.name)",
];

// The same hand-over, where the code shows the key after all.
const SHOWN_AFTER_ALL = [
  "client = OpenAI(api_key=os.getenv('OPENAI_API_KEY')); print(client)",
  "client = OpenAI(api_key=os.getenv('OPENAI_API_KEY')); print(client.api_key[:8])",
  "client = OpenAI(api_key=os.getenv('OPENAI_API_KEY')); print(f'{client.api_key}')",
  "const c = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }); console.log(c.apiKey)",
  "g = Github(auth=Auth.Token(os.environ['GITHUB_TOKEN'])); print(g._Github__requester.auth.token)",
  "c = Client(token=os.getenv('GITHUB_TOKEN')); print(c.__dict__)",
  "c = Client(token=os.getenv('GITHUB_TOKEN')); print(vars(c))",
  "const c = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY }); console.log(c)",
  "x = dict(k=os.getenv('OPENAI_API_KEY')); print(x)",
  "print(OpenAI(api_key=os.getenv('OPENAI_API_KEY')))",
  "subprocess.run(['echo', os.getenv('OPENAI_API_KEY')]); print('done')",
  "r = subprocess.run(['echo', os.getenv('OPENAI_API_KEY')], capture_output=True); print(r.stdout)",
  "os.system('echo ' + os.getenv('OPENAI_API_KEY')); print(1)",
  "pprint(os.getenv('OPENAI_API_KEY'))",
  "print(requests.get(url, headers={'Authorization': os.environ['GITHUB_TOKEN']}).text)",
];

describe("a read handed to a call that keeps it", () => {
  it.each(GIVEN_TO_A_CALL)("prints none of it: %j", (code) => {
    expect(printedSecretVariable(moduleAliases(code), isSecret)).toBeUndefined();
  });
  it.each(SHOWN_AFTER_ALL)("prints it: %j", (code) => {
    expect(printedSecretVariable(moduleAliases(code), isSecret)).toMatch(/^the secret variable (OPENAI_API_KEY|GITHUB_TOKEN|ANTHROPIC_API_KEY)$/);
  });
});

describe("printedThroughName", () => {
  it.each(PRINTED)("finds %j printed", (code, variable) => {
    expect(printedThroughName(moduleAliases(code), isSecret)).toBe(variable.startsWith("the ") ? variable : `the secret variable ${variable}`);
  });
  it.each(NOT_PRINTED)("finds nothing printed in %j", (code) => {
    expect(printedThroughName(moduleAliases(code), isSecret)).toBeUndefined();
  });

  // A 256 KB script may set thousands of names: once each took a RegExp per name per printing line
  // (5.5 s for 3,000), and a read's statement was found by a RegExp over all the code before it.
  it("stays linear in the names a script sets and the reads it makes", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `k${i} = os.getenv("API_KEY_${i}")`);
    const prints = Array.from({ length: 3000 }, (_, i) => `print("x", len(k${i}))`);
    let started = performance.now();
    expect(printedThroughName([...names, ...prints].join("\n"), isSecret)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    started = performance.now();
    expect(printedSecretVariable(`print(1)\n${Array.from({ length: 8000 }, (_, i) => `k${i} = os.getenv("API_KEY")`).join("\n")}`, isSecret)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    // Reads handed to calls: the code's statements and calls are found once, not once a read.
    started = performance.now();
    expect(printedSecretVariable(`print(1)\n${Array.from({ length: 8000 }, (_, i) => `f${i}(os.getenv("API_KEY"))`).join("\n")}`, isSecret)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("dotenvPaths", () => {
  it.each([
    ["load_dotenv('.env')", [".env"]],
    ["load_dotenv(Path('.env.local'))", [".env.local"]],
    ["load_dotenv(dotenv_path='config/.env')", ["config/.env"]],
    ["require('dotenv').config({ path: '.env.test' })", [".env.test"]],
    ["dotenv.config({path: '.env'})", [".env"]],
    ["process.loadEnvFile('.env')", [".env"]],
    ["load_dotenv()", []],
    ["dotenv_values('.env')", []],
  ])("%s names %j", (code, paths) => {
    expect(dotenvPaths(code)).toEqual(paths);
  });
});
