#!/usr/bin/env bash
# A stand-in CLI that closes its standard input when its first turn starts, finishes that turn,
# and then keeps running without reading anything: no later message or control request reaches it.
# With DEAF_ONCE set to a file name, only the first process does so (the file marks that it did);
# later ones stay and exit when their input ends.
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      if [ -n "$DEAF_ONCE" ] && [ -e "$DEAF_ONCE" ]; then
        printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"heard you","session_id":"deaf","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r1"}\n'
        continue
      fi
      [ -n "$DEAF_ONCE" ] && : > "$DEAF_ONCE"
      exec 0<&-
      printf '{"type":"system","subtype":"init","session_id":"deaf","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n'
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"heard you","session_id":"deaf","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}\n'
      exec sleep 120
      ;;
  esac
done
