/** The resolved configuration every check reads (defaults filled in). */
export interface VerifyCommandConfig {
  name: string;
  command: string;
  /** Seconds. */
  timeout?: number;
  paths?: string[];
}

export interface ShipshapeConfig {
  secrets: {
    enabled: boolean;
    environment: boolean;
    patterns: string[];
    disable: string[];
    allow: string[];
  };
  commit: {
    enabled: boolean;
    convention: "plain" | "conventional";
    summaryMaxLength: number;
    requireBody: boolean;
    types: string[];
    scopes: string[];
    verify: {
      enabled: boolean;
      allowNoVerify: boolean;
      budgetSeconds: number;
      /** undefined: detect from the project. */
      commands?: VerifyCommandConfig[];
    };
  };
}

/** The shape a config file may have: every key optional (see hooks/schemas/shipshape-config.schema.json). */
export type ConfigFileData = {
  secrets?: Partial<ShipshapeConfig["secrets"]>;
  commit?: Partial<Omit<ShipshapeConfig["commit"], "verify">> & { verify?: Partial<ShipshapeConfig["commit"]["verify"]> };
};

export const DEFAULT_CONFIG: ShipshapeConfig = {
  secrets: { enabled: true, environment: true, patterns: [], disable: [], allow: [] },
  commit: {
    enabled: true,
    convention: "plain",
    summaryMaxLength: 72,
    requireBody: true,
    types: ["feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"],
    scopes: [],
    verify: { enabled: true, allowNoVerify: false, budgetSeconds: 540 },
  },
};

export interface ConfigSource {
  path: string;
  text: string;
}

/** A problem with one config file, naming the file and the key. */
export interface ConfigProblem {
  file: string;
  key: string;
  message: string;
  /** The file is there but could not be read at all: what it says is unknown, so guards refuse. */
  unreadable?: true;
}

export interface LoadedConfig {
  config: ShipshapeConfig;
  /** Files that were read, nearest last. */
  files: string[];
  problems: ConfigProblem[];
  /** True when a file was broken and the defaults stand in for it. */
  degraded: boolean;
}
