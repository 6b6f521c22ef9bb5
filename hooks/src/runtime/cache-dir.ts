/**
 * Where shipshape keeps its caches: the plugin's data folder when Claude Code gives one, else the
 * user's cache folder. Never a shared temp folder: a cache there could be planted by another user
 * (a config cache that turns the guard off, or V8 code that runs in the hook).
 */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CLAUDE_PLUGIN_DATA) return env.CLAUDE_PLUGIN_DATA;
  if (env.XDG_CACHE_HOME) return `${env.XDG_CACHE_HOME}/shipshape`;
  if (env.HOME) return `${env.HOME}/.cache/shipshape`;
  return undefined;
}
