# shipshape's once-per-prompt check (UserPromptSubmit, run by hooks/hooks.json).
# The guards decide in-process, in hooks/dist/module.js, which marks every session and prompt it guards
# (SHIPSHAPE_MODULE_SESSION = the session's id). Where Claude Code did not load the module, no prompt
# goes on unguarded: exit 2 stops it and shows the person why. Sessions guarded by the command hooks
# that `shipshape init --standalone` writes into settings.json carry SHIPSHAPE_GUARD=command-hooks.
[ -n "$CLAUDE_CODE_SESSION_ID" ] && [ "$SHIPSHAPE_MODULE_SESSION" = "$CLAUDE_CODE_SESSION_ID" ] && exit 0
[ "$SHIPSHAPE_GUARD" = "command-hooks" ] && exit 0
cat >&2 <<'MESSAGE'
shipshape stopped this prompt: its guards (the secret-file guard and the commit gate) are not running
in this session, so tool calls would go unchecked.

Why: Claude Code did not load shipshape's hooks module. It does not in versions before hooks
modules (2.1.3xx), when modules are switched off, or when the module fails Claude Code's load-time
scan (`claude plugin validate <plugin folder>` says why).

What to do, any one of:
- update Claude Code (`claude update`) and start a new session;
- guard through command hooks instead (about 40 ms more per tool call): run
  `shipshape init --standalone` in the project (or `--user` for all projects), then start a new session;
- to work unguarded, disable the plugin: `/plugin disable shipshape@shipshape`.
MESSAGE
exit 2
