/**
 * Commands whose job is to print a credential, and what they print: shell-findings' credentialCommand
 * matches a command's words against them.
 *
 * One block per command name: the name alone on a line (names whose entries are all the same on lines
 * of their own, one after another), then an indented line per entry: the words after the name (options
 * between them are skipped when matching; a word `a|b` matches either), what the command prints
 * ("prints" goes before it in a refusal), then optionally a RegExp one of its words must match
 * (requires) and one none may match (unless), separated by " :: ". Lines that start with # are notes;
 * the bundles drop them.
 *
 * A string, not objects in a switch: Claude Code scans the hooks module's code at every session start,
 * at 2 to 3 ms per KB of code and a fraction of that per KB of string, and a lookup is an indexOf
 * that builds only the entries of the name asked for (building them all cost every Bash call ~0.1 ms).
 */
const TABLE = String.raw`
gh
 auth token :: the GitHub CLI's token
 config get :: the GitHub CLI's token :: /oauth_token/
 auth status :: the GitHub CLI's token :: /^(--show-token|-t)$/
glab
 auth status :: the GitLab CLI's token :: /^(--show-token|-t)$/
 variable get :: a GitLab CI/CD variable
 variable export :: the project's GitLab CI/CD variables
gcloud
 auth print-access-token :: a Google Cloud access token
 auth print-identity-token :: a Google Cloud identity token
 auth application-default print-access-token :: a Google Cloud access token
 config config-helper :: Google Cloud credentials
 secrets versions access :: a secret from Secret Manager
aws
# \`aws configure get region\` prints the region; keys and tokens are what to keep out.
 configure get :: an AWS key or token :: /key|secret|token|cred/i
 configure export-credentials :: AWS credentials
 sts get-session-token|assume-role|get-federation-token|assume-role-with-web-identity|assume-role-with-saml :: new AWS credentials
 ecr|ecr-public get-login-password :: a registry password
 ecr|codeartifact get-authorization-token :: a registry token
 secretsmanager get-secret-value :: a secret from Secrets Manager
 ssm get-parameter :: a decrypted SSM parameter :: /^--with-decryption$/
 ssm get-parameters|get-parameters-by-path :: decrypted SSM parameters :: /^--with-decryption$/
# A function's or task's environment, where deployments keep keys, unless --query picks fields.
 lambda get-function-configuration :: a function's environment variables ::  :: /^--query/
 ecs describe-task-definition :: a task's environment variables ::  :: /^--query/
 kms decrypt :: a KMS-decrypted secret
 iam create-access-key :: a secret access key
 sso get-role-credentials :: AWS credentials
# Short-lived, but live while the agent holds them: a database's IAM login, a cluster's token.
 rds generate-db-auth-token :: a database auth token
 eks get-token :: a cluster token
 iam create-service-specific-credential|reset-service-specific-credential :: a service password
php
 :: the whole environment, in phpinfo's tables :: /^(-i|--info)$/
az
 account get-access-token :: an Azure access token
 keyvault secret show :: a Key Vault secret
 acr login :: a container registry's access token :: /^--expose-token$/
 acr credential show :: registry passwords
 storage account keys list :: storage account keys
 ad sp create-for-rbac :: a service principal's password
 ad sp credential reset :: a service principal's new password
 ad app credential reset :: an app's new password
# \`az storage account|container|blob|share|queue|fs generate-sas\`: a token for the storage.
 storage :: a shared access signature :: /^generate-sas$/
 aks get-credentials :: cluster credentials :: /^(-|--file=-)$/
# App settings and connection strings hold an app's secrets in plain text.
 webapp|functionapp config appsettings list :: an app's settings, secrets included ::  :: /^--query/
 webapp config connection-string list :: an app's connection strings
 storage account show-connection-string :: a storage account's connection string
 cosmosdb keys list :: Cosmos DB keys
 redis list-keys :: Redis access keys
yarn
 env :: the whole environment
 run env :: the whole environment
 config :: registry tokens, unmasked :: /^--no-redacted$/
flyctl
fly
 auth token :: the Fly.io CLI's token
 tokens create :: a new Fly.io token
uv
 auth token :: a package index's stored credential
rclone
# rclone's passwords are obscured, not encrypted (\`rclone reveal\` undoes it); its OAuth tokens are plain.
 config show|dump :: rclone's remotes, passwords and tokens included
 reveal :: a password rclone obscured
s3cmd
 :: S3 keys, in s3cmd's config :: /^--dump-config$/
databricks
 auth token :: a Databricks token
 secrets get-secret :: a Databricks secret
cloudflared
 tunnel token :: a Cloudflare tunnel's token
turso
 auth token :: the Turso CLI's token
 db tokens create :: a database token
neonctl
neon
 connection-string|cs :: a database URL, password included
pscale
 password create :: a database password
composer
 config :: a registry token from auth.json :: /^(github-oauth|gitlab-(oauth|token)|http-basic|bearer|bitbucket-oauth)\./
 config :: registry tokens from auth.json, among its settings :: /^(-l|--list)$/
pip3
pip
 config list :: pip's settings, index URLs with their passwords included
 config get :: an index URL, its password included :: /index-url/
mysql
mariadb
 :: MySQL's password :: /^--print-defaults$/
my_print_defaults
 :: MySQL's password
make
 :: the whole environment, in make's database :: /^(-[a-zA-Z]*p[a-zA-Z]*|--print-data-base)$/
cmake
 environment :: the whole environment :: /^-E$/
kubectl
 set env :: a workload's environment variables :: /^--(list|resolve)$/
 config view :: cluster credentials :: /^(--raw|--flatten)(=true)?$/
 create token :: a service account token
 view-secret :: a secret, decoded
# Only an output format prints the values; the default table lists names, types and counts, and
# so do \`-o name\`, \`-o wide\` and a jsonpath of names and types (not annotations: the last applied
# configuration holds the data).
 get secret|secrets :: Kubernetes secrets :: /^(-o|--output)/ :: /^(-o=?|--output=)(wide|name|jsonpath=([^.@]|range \.items\[\*\]|(\.items\[\*\])?(\.metadata\.(name|namespace|uid|creationTimestamp)|\.type)\b)*)$/
git
 credential fill :: stored git credentials
# The keychain helpers answer \`get\` as the store and the cache do.
 credential-store|credential-cache|credential-osxkeychain|credential-manager|credential-manager-core|credential-wincred|credential-libsecret get :: stored git credentials
heroku
 auth:token :: the Heroku token
 authorizations:create :: a Heroku token
 config :: the app's config vars
# A config var by a name that holds a credential (not NODE_ENV).
 config:get :: an app config var :: /pass|secret|token|key|cred|ur[il]|dsn/i
 pg:credentials:url :: a database URL, password included
 redis:credentials :: a Redis URL, password included
vercel
 env pull :: the project's variables :: /^(\/dev\/(stdout|stderr|fd\/[12]|tty)|-)$/
mc
 alias :: storage keys :: /^(list|ls)$/
vault
 read :: secrets from Vault
 kv get :: secrets from Vault
 print token :: the Vault token
# Its \`id\` is the token itself (but not when looked up by accessor).
 token lookup :: the Vault token ::  :: /^-accessor/
 token create :: a Vault token
 write :: a Vault token :: /^auth\/.*\/login$/
 login :: a Vault token ::  :: /^-no-print(=true)?$/
op
 read :: a 1Password secret
 item get :: a 1Password item
 signin :: a session token :: /^--raw$/
security
 find-generic-password|find-internet-password :: a keychain password :: /^-[a-z]*[wg][a-z]*$/
 dump-keychain :: keychain passwords :: /^-[a-z]*d[a-z]*$/
secret-tool
 lookup :: a secret from the desktop keyring
 search :: secrets from the desktop keyring
keyring
 get :: a password from the system keyring
gopass
pass
 show :: a password-store entry
# \`pass github/token\` is \`pass show github/token\`; the other subcommands print no entry.
 :: a password-store entry :: /^[^-]/ :: /^(ls|list|find|search|insert|add|edit|rm|remove|mv|rename|cp|copy|git|init|help|version|show|sync|setup|config|otp)$/
bw
 get :: a Bitwarden secret
 list items :: Bitwarden passwords
bws
 secret :: Bitwarden secrets ::  :: /^(create|delete|edit)$/
dotnet
 user-secrets list :: user secrets
varlock
 printenv :: a variable's value
 load :: variables' values :: /^(--show-all|--format|-f)(=.*)?$/
keepassxc-cli
 show :: a KeePassXC password :: /^(-s|--show-protected|-a|--attributes)(=.*)?$/
 export :: a KeePassXC database
kwallet-query
 :: a KWallet password :: /^(-r|--read-password)$/
ejson
 decrypt :: an ejson file decrypted ::  :: /^-o$/
lpass
 show :: a LastPass secret
doppler
 secrets :: Doppler secrets
 configs tokens create :: a service token
pnpm
 config get :: a registry token :: /(_authToken|_auth|_password)/i
npm
# npm's built-in env script (when package.json has none of its own).
 run env :: the whole environment
 run-script env :: the whole environment
 token create :: an npm token
 config get :: an npm registry token :: /(_authToken|_auth|_password|token)/i
docker
# Listing names (\`--services\`, \`--quiet\` to validate) prints no values.
 compose config|convert :: the compose file with the values of .env filled in ::  :: /^(--services|--volumes|--profiles|--images|--networks|--hash(=.*)?|-q|--quiet)$/
podman-compose
docker-compose
 config|convert :: the compose file with the values of .env filled in ::  :: /^(--services|--volumes|--profiles|--images|--networks|--hash(=.*)?|-q|--quiet)$/
tofu
terraform
 show :: the Terraform state, secrets included
 state pull :: the Terraform state, secrets included
# \`terraform output db_password\` prints a sensitive output all the same.
 output :: Terraform outputs, sensitive ones included :: /^-(raw|json)$|pass|secret|token|key|cred/i
helm
 get values :: a release's values, passwords included
 get all :: a release's values and manifests, secrets included
pulumi
 config :: Pulumi secrets :: /^--show-secrets$/
# \`pulumi config get\` prints a secret's value decrypted.
 config get :: a Pulumi secret, decrypted :: /pass|secret|token|key|cred/i
 stack export :: Pulumi secrets :: /^--show-secrets$/
 stack output :: Pulumi secrets :: /^--show-secrets$/
dotenv-cli
dotenv
# dotenv tools that print what .env holds (their \`run\` forms only load it: see wrapperSpec).
 :: a value from .env :: /^-p$/
 list :: every value in .env
 get :: a value from .env
dotenvx
 get :: the values in .env, decrypted
 decrypt :: .env decrypted :: /^--stdout$/
 keypair :: the private key that decrypts .env
pm2
 env :: a managed process's whole environment
dotenv-vault
 keys :: the keys that decrypt .env.vault
sops
# Decryption to the terminal; to a file (-o, -i) it puts nothing in the conversation.
 :: a secrets file decrypted :: /^(-d|--decrypt)$/ :: /^(-i|--in-place|--output)(=.*)?$/
 decrypt :: a secrets file decrypted ::  :: /^(-i|--in-place|--output)(=.*)?$/
ansible-vault
 view :: a vault file decrypted
 decrypt :: a vault file decrypted :: /^(--output=-|-)$/
wg
# \`wg show wg0 private-key\`, \`wg showconf wg0\`: the interface's private key.
 showconf :: a WireGuard private key
 show :: a WireGuard private key :: /^private-key$/
gpg2
gpg
 :: a file decrypted :: /^(-d|--decrypt)$/ :: /^(-o|--output)(=.*)?$/
 :: private keys :: /^--export-secret-(sub)?keys$/ :: /^(-o|--output)(=.*)?$/
age
 :: a file decrypted :: /^(-d|--decrypt)$/ :: /^(-o|--output)(=.*)?$/
netlify
 env:get :: a site's environment variable
 env:list :: a site's environment variables :: /^--(plain|json)$/
cf
 env :: an app's environment, with credentials
eb
 printenv :: the environment's variables
kamal
 secrets print :: deploy secrets
dokku
 config :: an app's config vars
 config:show :: an app's config vars
 config:get :: an app's config vars
 config:export :: an app's config vars
railway
 variables :: the service's variables ::  :: /^(--set|-s)(=.*)?$/
firebase
 functions:config:get :: the functions' config, keys included
 functions:secrets:access :: a function's secret
 login:ci :: a CI token
direnv
# Environment managers and secret injectors that print what they would load.
 export :: the variables .envrc sets
 dump :: the whole environment
mise
 env :: the variables mise sets, secrets in its config included
 set :: the variables mise sets ::  :: /^[A-Za-z_]\w*=/
infisical
 export :: the project's secrets
 secrets :: the project's secrets ::  :: /^(set|delete)$/
chamber
 export :: a service's secrets
 read :: a secret
teller
 env :: the secrets teller loads
 export :: the secrets teller loads
 show :: the secrets teller loads
systemctl
# Whole environments kept by a service manager or a terminal multiplexer.
 show-environment :: the service manager's whole environment
# A unit's properties, its Environment= among them unless others are asked for by name.
 show :: a service's environment ::  :: /^(-p|--property)=(?!.*\bEnvironment\b)/
conda
 env config vars list :: the variables set for a conda environment
rails
 credentials:show :: the Rails app's decrypted credentials
 encrypted:show :: a decrypted Rails secrets file
django-admin
manage.py
 diffsettings :: the Django settings, SECRET_KEY and database passwords included
artisan
 config:show :: the Laravel config, passwords and keys included
# Symfony's bin/console, run by php, by the symfony CLI or itself.
symfony
 console debug:dotenv :: the values .env files give
 console secrets:reveal :: a Symfony secret, decrypted
 console secrets:list :: Symfony secrets, decrypted :: /^(-r|--reveal)$/
console
 debug:dotenv :: the values .env files give
 secrets:reveal :: a Symfony secret, decrypted
 secrets:list :: Symfony secrets, decrypted :: /^(-r|--reveal)$/
tmux
 show-environment :: the tmux session's whole environment
 showenv :: the tmux session's whole environment
# Platform CLIs that print a token or key, or make one and print it.
oc
 whoami :: the OpenShift token :: /^(-t|--show-token)$/
 extract :: a Secret's or ConfigMap's values :: /^--to=-$/
supabase
 projects api-keys :: API keys
stripe
 config :: Stripe API keys :: /^--list$/
argocd
 account generate-token :: an Argo CD token
 admin initial-password :: Argo CD's admin password
llm
 keys get :: a stored LLM API key
yc
 iam create-token :: a Yandex Cloud IAM token
# \`yc config list\` shows the profile's OAuth token among its settings.
 config list :: the Yandex Cloud CLI's token
 config get :: the Yandex Cloud CLI's token :: /^(token|service-account-key)$/
# Kubeconfigs with the cluster's credentials in them (a client key or token), printed.
microk8s
 config :: the cluster's admin kubeconfig
linode-cli
 lke kubeconfig-view :: a cluster's kubeconfig
civo
 kubernetes config :: a cluster's kubeconfig ::  :: /^(-s|--save)$/
 k8s config :: a cluster's kubeconfig ::  :: /^(-s|--save)$/
vcluster
 connect :: a virtual cluster's kubeconfig :: /^--print$/
doctl
 auth token|t :: the DigitalOcean CLI's token
astro
 auth token :: the Astro CLI's token
ddn
 auth print-access-token|print-pat|pp :: the Hasura DDN CLI's token
`;

/** A command whose job is to print a credential, and what it prints. */
export interface CredentialCommand {
  argv: string[];
  requires?: RegExp;
  unless?: RegExp;
  /** What the command prints ("the GitHub CLI's token"): refusals put "prints" before it. */
  what: string;
}

/** A RegExp written as a literal in the table (`/^-p$/i`). */
function literal(text: string): RegExp {
  const end = text.lastIndexOf("/");
  return new RegExp(text.slice(1, end), text.slice(end + 1));
}

/** The credential commands of a command name, each as its argv prefix (the name first); none for other names. */
export function credentialCommandsOf(name: string): CredentialCommand[] {
  const out: CredentialCommand[] = [];
  const at = name === "" ? -1 : TABLE.indexOf(`\n${name}\n`);
  if (at === -1) return out;
  // Past the block's other names to its entries, as far as the next block's name.
  for (let start = at + name.length + 2, end = TABLE.indexOf("\n", start); end !== -1; start = end + 1, end = TABLE.indexOf("\n", start)) {
    const line = TABLE.slice(start, end);
    if (line[0] === "#") continue;
    if (line[0] !== " ") {
      if (out.length > 0) break;
      continue;
    }
    const [words = "", what = "", requires, unless] = line.split(" :: ");
    const entry: CredentialCommand = { argv: [name, ...words.split(" ").filter((w) => w !== "")], what };
    if (requires) entry.requires = literal(requires);
    if (unless) entry.unless = literal(unless);
    out.push(entry);
  }
  return out;
}
