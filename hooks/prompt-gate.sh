# shipshape's once-per-prompt check (UserPromptSubmit, run by hooks/hooks.json).
# The guards decide in-process, in hooks/dist/module.js, which marks every session and prompt it guards
# (SHIPSHAPE_MODULE_SESSION = the session's id). Where Claude Code did not load the module, no prompt
# goes on unguarded: exit 2 stops it and shows the person why. Sessions guarded by the command hooks
# that `shipshape init --standalone` writes into settings.json carry SHIPSHAPE_GUARD=command-hooks.
[ -n "$CLAUDE_CODE_SESSION_ID" ] && [ "$SHIPSHAPE_MODULE_SESSION" = "$CLAUDE_CODE_SESSION_ID" ] && exit 0
[ "$SHIPSHAPE_GUARD" = "command-hooks" ] && exit 0
# The CLI's path in this install, for the standalone command below (the person's shell may not have
# `shipshape` on its PATH).
cli="shipshape"
[ -n "$CLAUDE_PLUGIN_ROOT" ] && cli="\"$CLAUDE_PLUGIN_ROOT/bin/shipshape\""
cat >&2 <<'MESSAGE'
shipshape stopped this prompt: its guards (secret files, commits, its own config) are not running in
this session, so tool calls would go unchecked.

Why: Claude Code did not load shipshape's hooks module. It does not in versions without hooks
modules, when modules are switched off, or when the module fails Claude Code's load-time scan
(`claude plugin validate <plugin folder>` says why).

What to do, any one of:
- update Claude Code (`claude update`) and start a new session;
MESSAGE
printf '%s\n' "- guard through command hooks instead (about 40 ms more per tool call): in the project, run" "  $cli init --standalone   (or --user for all projects), then start a new session;" >&2
cat >&2 <<'MESSAGE'
- to work unguarded, disable the plugin: `/plugin disable shipshape@shipshape`.
MESSAGE
exit 2
