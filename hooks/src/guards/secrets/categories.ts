/**
 * The default secret-file categories. A pattern without a slash matches a file's name anywhere; a
 * pattern starting with `~/` matches under the home directory; `except` patterns (by name, or by path
 * with `~/`) carve out files of the same shape that hold no secret, such as templates.
 */
export interface SecretCategory {
  id: string;
  title: string;
  /** Why these files are guarded: shown in refusals and the README. */
  why: string;
  patterns: string[];
  except?: string[];
}

/** Names that mark a file as a template to copy from, not a secret. */
export const TEMPLATE_SUFFIXES = ["example", "sample", "template", "dist", "tpl", "defaults", "schema"];
const templateNames = (prefix: string) => TEMPLATE_SUFFIXES.map((suffix) => `${prefix}.${suffix}`);

export const SECRET_CATEGORIES: readonly SecretCategory[] = [
  {
    id: "dotenv",
    title: "dotenv file",
    why: "dotenv files hold the API keys, database URLs and passwords a project runs with",
    // .dev.vars: Cloudflare Wrangler's local secrets; .secrets: act's, for GitHub Actions run locally.
    // `.env-production`, `.env_prod` and env-cmd's `.env-cmdrc` are spelled with a dash or an underscore.
    patterns: [".env", ".env.*", "*.env", ".env-*", ".env_*", ".dev.vars", ".dev.vars.*", ".secrets"],
    // `example.env` and the like are templates too, named the other way round.
    except: [...templateNames("*"), ...templateNames("*.env"), ".env.*.example", ".env.*.sample", ".env.*.template", ...TEMPLATE_SUFFIXES.flatMap((s) => [`${s}.env`, `*.${s}.env`, `.env-${s}`, `.env_${s}`])],
  },
  {
    id: "ssh-key",
    title: "SSH private key",
    why: "an SSH private key gives access to every server and repository that trusts it",
    // A server's own host keys too: whoever holds them can pose as the server.
    patterns: ["id_rsa", "id_rsa_*", "deploy_key", "deploy_key_*", "*_deploy_key", "id_dsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_ed25519_*", "id_ecdsa_*", "~/.ssh/**", "/etc/ssh/ssh_host_*_key"],
    except: ["*.pub", "~/.ssh/known_hosts", "~/.ssh/known_hosts.old", "~/.ssh/config"],
  },
  {
    id: "key-material",
    title: "key or certificate store",
    why: "private keys and keystores let whoever holds them sign, decrypt or impersonate",
    patterns: ["*.pem", "*.key", "*.p12", "*.pfx", "*.jks", "*.keystore", "*.ppk", "*.p8", "*.ovpn", "/etc/wireguard/**", "~/.gnupg/secring.gpg", "~/.gnupg/private-keys-v1.d/**", "~/.android/adbkey"],
  },
  {
    id: "cloud-credentials",
    title: "cloud or cluster credentials file",
    why: "cloud and cluster credentials grant access to production infrastructure",
    patterns: [
      "~/.aws/credentials",
      "~/.config/gcloud/application_default_credentials.json",
      "application_default_credentials.json",
      "~/.config/gcloud/credentials.db",
      "~/.config/gcloud/access_tokens.db",
      "~/.config/gcloud/legacy_credentials/**",
      "~/.kube/config",
      // Other kubeconfigs kept beside it (`~/.kube/prod-config`); the caches below it hold none.
      "~/.kube/*",
      "kubeconfig",
      "*.kubeconfig",
      "~/.azure/accessTokens.json",
      "~/.azure/msal_token_cache.*",
      "~/.azure/service_principal_entries.*",
      // Short-lived but live: the AWS CLI's SSO tokens and assumed-role credentials.
      "~/.aws/sso/cache/**",
      "~/.aws/cli/cache/**",
      "~/.databrickscfg",
      // A cluster node's own kubeconfigs: kubeadm's admin and component logins, k3s's and RKE2's.
      "/etc/kubernetes/*.conf",
      "/etc/rancher/*/*.yaml",
      "~/.config/doctl/config.yaml",
      // The access keys the AWS console offers as a download.
      "credentials.csv",
      "*_credentials.csv",
      "*_accessKeys.csv",
      // Where the agent runs in a container: a pod's service-account token, Docker's and Compose's secrets.
      "/var/run/secrets/**",
      "/run/secrets/**",
    ],
  },
  {
    id: "tool-tokens",
    title: "tool token file",
    why: "developer tools (package registries, git, databases, Claude Code itself) store tokens and passwords in plain text",
    patterns: [
      ".npmrc",
      ".pypirc",
      ".netrc",
      "_netrc",
      ".git-credentials",
      ".pgpass",
      "~/.docker/config.json",
      // Docker's older login file, and the same format in a Kubernetes image pull secret.
      ".dockercfg",
      "~/.config/helm/registry/config.json",
      // Claude Code's own login on Linux: the user's Anthropic credentials.
      "~/.claude/.credentials.json",
      // What SessionStart hooks export through CLAUDE_ENV_FILE (often a .env.local's keys), kept per session.
      "~/.claude/session-env/**",
      "~/.config/git/credentials",
      "~/.config/containers/auth.json",
      "~/.cargo/credentials",
      "~/.cargo/credentials.toml",
      "~/.terraform.d/credentials.tfrc.json",
      "~/.cache/huggingface/token",
      "~/.huggingface/token",
      "~/.kaggle/kaggle.json",
      "~/.config/hub",
      "~/.config/glab-cli/config.yml",
      "~/.composer/auth.json",
      "~/.config/composer/auth.json",
      "~/.s3cfg",
      "~/.boto",
      "~/.config/rclone/rclone.conf",
      "~/.mylogin.cnf",
      "~/.m2/settings-security.xml",
      // Project copies too: judged by contents (secret-files.ts' withoutCredentials), as .npmrc is.
      ".sentryclirc",
      // Deployment and tunnel CLIs' logins: Cloudflare Wrangler, Netlify, Vercel, Firebase, CircleCI,
      // ngrok, Doppler, Supabase, Stripe.
      "~/.wrangler/config/*.toml",
      "~/.config/.wrangler/config/*.toml",
      "~/Library/Preferences/.wrangler/config/*.toml",
      "~/.config/netlify/config.json",
      "~/.netlify/config.json",
      "~/.local/share/com.vercel.cli/auth.json",
      "~/Library/Application Support/com.vercel.cli/auth.json",
      "~/.vercel/auth.json",
      "~/.config/configstore/firebase-tools.json",
      "~/.circleci/cli.yml",
      "~/.config/ngrok/ngrok.yml",
      "~/.ngrok2/ngrok.yml",
      "~/Library/Application Support/ngrok/ngrok.yml",
      "~/.doppler/.doppler.yaml",
      "~/.supabase/access-token",
      "~/.config/stripe/config.toml",
      "~/.fly/config.yml",
      "~/.railway/config.json",
      "~/.travis/config.yml",
      "~/.expo/state.json",
      "~/.twilio-cli/config.json",
      // Other clouds' CLI logins: Linode, Alibaba, Scaleway, IBM, Tencent.
      "~/.config/linode-cli",
      "~/.aliyun/config.json",
      "~/.config/scaleway/config.yaml",
      "~/.bluemix/config.json",
      "~/.tccli/*.credential",
      // Yarn's registry token; LLM keys kept for coding tools (Continue, Aider) and command-line LLM
      // clients (llm's keys.json, aichat, shell-gpt's .sgptrc); shells' secret files.
      ".yarnrc.yml",
      "~/.continue/config.json",
      "~/.aider.conf.yml",
      "~/.config/io.datasette.llm/keys.json",
      "~/Library/Application Support/io.datasette.llm/keys.json",
      "~/.config/aichat/config.yaml",
      "~/.config/shell_gpt/.sgptrc",
      "~/.*_secrets",
      // Other coding agents' logins: OpenAI Codex, Gemini CLI, GitHub Copilot.
      "~/.codex/auth.json",
      "~/.gemini/oauth_creds.json",
      "~/.config/github-copilot/hosts.json",
      "~/.config/github-copilot/apps.json",
      // Claude Code keeps an API key login (primaryApiKey) here.
      "~/.claude.json",
      // Passwords for package repositories (Ivy, sbt, NuGet, Helm) and other CLIs' API keys.
      "~/.ivy2/.credentials",
      "~/.sbt/credentials",
      "~/.sbt/.credentials",
      "~/.nuget/NuGet/NuGet.Config",
      "~/.config/helm/repositories.yaml",
      "~/.config/hcloud/cli.toml",
      "~/.wakatime.cfg",
      // age private keys, as sops finds them.
      "~/.config/sops/age/keys.txt",
      // Private package indexes' passwords (pip's index-url, Bundler's source credentials) and data
      // warehouse logins (dbt's profiles, SnowSQL's config).
      "~/.config/pip/pip.conf",
      "~/.pip/pip.conf",
      "~/.bundle/config",
      "~/.dbt/profiles.yml",
      "~/.snowsql/config",
      "~/.snowflake/connections.toml",
      "~/.snowflake/config.toml",
      "~/.cassandra/cqlshrc",
      // uv's and Poetry's plain-text stores of index passwords (Poetry's, where no keyring is); Dart's pub tokens.
      "~/.local/share/uv/credentials/**",
      "~/.config/pypoetry/auth.toml",
      "~/Library/Application Support/pypoetry/auth.toml",
      "~/.config/dart/pub-tokens.json",
      "~/Library/Application Support/dart/pub-tokens.json",
      // MinIO's client, Teleport's keys, JFrog's and Gitea's CLIs, OVH's API keys.
      "~/.mc/config.json",
      "~/.tsh/keys/**",
      "~/.jfrog/jfrog-cli.conf*",
      "~/.config/tea/config.yml",
      "~/.ovh.conf",
      // Every Hugging Face token saved by name, and opencode's provider keys.
      "~/.cache/huggingface/stored_tokens",
      "~/.local/share/opencode/auth.json",
      // Platform CLIs' logins: Turso, PlanetScale, Talos (a client key), InfluxDB, Civo, Vultr, Koyeb,
      // Exoscale, Yandex Cloud, Confluent; and the Bitwarden CLI's store, its tokens beside the vault.
      "~/.config/turso/settings.json",
      "~/Library/Application Support/turso/settings.json",
      "~/.config/planetscale/access-token",
      "~/.talos/config",
      "~/.config/talos/config.yaml",
      "~/.influxdbv2/configs",
      "~/.civo.json",
      "~/.vultr-cli.yaml",
      "~/.koyeb.yaml",
      "~/.config/exoscale/exoscale.toml",
      "~/.config/yandex-cloud/config.yaml",
      "~/.confluent/config.json",
      "~/.config/Bitwarden CLI/data.json",
      "~/Library/Application Support/Bitwarden CLI/data.json",
    ],
  },
  {
    id: "terraform",
    title: "Terraform state or variables file",
    why: "Terraform state and tfvars files contain every secret the infrastructure was created with",
    patterns: ["*.tfstate", "*.tfstate.backup", "*.tfvars", "*.tfvars.json", ".terraformrc", "terraform.rc"],
    except: [...templateNames("*.tfvars"), ...templateNames("*.tfvars.json")],
  },
  {
    id: "credential-stores",
    title: "credential store",
    why: "these files exist to store passwords, tokens or service-account keys",
    patterns: [
      ".htpasswd",
      ".my.cnf",
      ".vault-token",
      ".envrc",
      "~/.gem/credentials",
      "~/.config/gh/hosts.yml",
      "~/.m2/settings.xml",
      "~/.gradle/gradle.properties",
      "credentials.json",
      "secrets.json",
      "secrets.yaml",
      "secrets.yml",
      // Files named for what they hold, and credential files kept in a project as well as at home.
      // Spelled out, not as braces: a pattern is compiled when a path holds its literal part, and
      // `.json` or `.txt` alone would compile one for every package.json read.
      "secrets.xml", "secrets.txt",
      "secret.txt", "password.txt", "passwords.txt", "token.txt", "api_key.txt",
      "key.json", "keyfile.json", "*-key.json", "*_key.json",
      ".s3cfg",
      ".boto",
      "rclone.conf",
      "htpasswd",
      // Ansible vault passwords, by the names its docs use.
      ".vault_pass", ".vault_pass.txt", "vault_pass.txt", ".vault-password",
      // Docker Compose and Kubernetes keep one secret per file in a secrets folder (`secrets/db_password.txt`); its code is not one.
      "**/secrets/*.{txt,json,yaml,yml,toml,ini,conf,cfg,properties,xml}",
      "service-account*.json",
      "service_account*.json",
      // Firebase and Google service-account keys and OAuth client secrets and tokens, by their usual names.
      "serviceAccountKey*.json",
      "*firebase-adminsdk*.json",
      "client_secret*.json",
      "token.json",
      "token.pickle",
      // Streamlit, Azure Functions and WordPress keep secrets in these; Android and Flutter, signing passwords.
      "secrets.toml",
      "local.settings.json",
      "wp-config.php",
      "keystore.properties",
      "key.properties",
      "secrets.properties",
      // Browsers' saved passwords and session cookies (Chrome, Chromium, Edge, Brave; Firefox, and
      // Thunderbird, which keeps mail passwords the same way).
      "Login Data",
      "Login Data For Account",
      "~/.config/*/**/Cookies",
      "~/Library/Application Support/*/**/Cookies",
      "~/.mozilla/firefox/**/{logins.json,key4.db,cookies.sqlite}",
      "~/Library/Application Support/Firefox/Profiles/**/{logins.json,key4.db,cookies.sqlite}",
      "~/.thunderbird/**/{logins.json,key4.db}",
      "~/Library/Thunderbird/Profiles/**/{logins.json,key4.db}",
      // The system's password hashes (and their backups), readable where the agent runs as root.
      "/etc/shadow*",
      "/etc/gshadow*",
      "/etc/master.passwd",
      // A host's stored passwords: MySQL's maintenance login, PPP's, Wi-Fi networks' keys.
      "/etc/mysql/debian.cnf",
      "/etc/ppp/*-secrets",
      "/etc/wpa_supplicant/*.conf",
      "/etc/NetworkManager/system-connections/**",
    ],
    // Templates of these, named with the suffix first (`service-account.example.json`, `secrets.sample.yaml`).
    except: ["example", "sample", "template"].flatMap((s) => [`*.${s}.json`, `*-${s}.json`, `*.${s}.yaml`, `*.${s}.yml`, `*.${s}.toml`]),
  },
  {
    id: "shell-history",
    title: "shell or REPL history file",
    why: "histories keep the tokens and passwords typed or pasted on command lines",
    patterns: ["~/.bash_history", "~/.zsh_history", "~/.zhistory", "~/.history", "~/.sh_history", "~/.local/share/fish/fish_history", "~/.python_history", "~/.node_repl_history", "~/.psql_history", "~/.mysql_history", "~/.sqlite_history", "~/.rediscli_history", "~/.irb_history"],
  },
  {
    // Matched by contents, not by name (secret-files.ts): a git config whose URL carries a password or
    // token (`https://user:TOKEN@host/…`, a token as the user name, or an insteadOf rewrite to one).
    id: "git-url-credentials",
    title: "git config with a credential in a URL or header",
    why: "a token in a URL, or in the auth header CI checkouts persist (http.extraheader), is a live credential for the repository host",
    patterns: [],
  },
  {
    // Matched by contents (secret-files.ts): Claude Code's settings or an MCP config (`.mcp.json`,
    // `claude_desktop_config.json`) whose `env` or headers write a token out rather than refer to one.
    id: "agent-config-credentials",
    title: "config that writes out a token (Claude Code settings, an MCP config)",
    why: "a token in an MCP server's env or headers is a live credential for that service",
    patterns: [],
  },
  {
    // Matched by contents (secret-files.ts): a shell's startup file, or Claude Code's snapshot of one,
    // that exports a secret-named variable written out (`export OPENAI_API_KEY=sk-…`).
    id: "shell-profile-secrets",
    title: "shell startup file that exports a token",
    why: "a token exported in ~/.zshrc or ~/.bashrc is a live credential that every shell of the user's holds",
    patterns: [],
  },
  {
    id: "process-environment",
    title: "process environment",
    why: "a process's environment holds every secret passed to it in variables",
    patterns: ["/proc/*/environ", "/proc/*/task/*/environ"],
  },
];

/** The category of secrets that are not files (environment dumps, secret variables, credential CLIs). */
export const ENVIRONMENT_CATEGORY = {
  id: "environment",
  title: "secret in the environment",
  why: "environment variables and credential helpers hold live tokens",
} as const;
