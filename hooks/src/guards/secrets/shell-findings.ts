import type { GuardEnv } from "./guard.js";
import type { Finding } from "./refusal.js";

export async function analyzeShellCommand(_command: string, _env: GuardEnv): Promise<Finding[]> {
  return [];
}

export async function analyzePowerShell(_command: string, _env: GuardEnv): Promise<Finding[]> {
  return [];
}
