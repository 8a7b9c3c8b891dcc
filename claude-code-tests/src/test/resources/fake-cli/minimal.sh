#!/bin/sh
# The lightest stand-in CLI: shell builtins only, so no process is started besides the shell.
# Answers every control request with success and each user message with system/init, one assistant
# message and a result; exits when its input ends. STAND_IN_SESSION_ID sets the session id it reports.
sid="${STAND_IN_SESSION_ID:-standin-session}"
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      printf '{"type":"system","subtype":"init","session_id":"%s","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n' "$sid"
      printf '{"type":"assistant","session_id":"%s","uuid":"a0","parent_tool_use_id":null,"message":{"id":"m0","type":"message","role":"assistant","model":"stand-in","content":[{"type":"text","text":"8"}],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n' "$sid"
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"8","session_id":"%s","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}\n' "$sid"
      ;;
  esac
done
