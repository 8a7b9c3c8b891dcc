#!/bin/sh
# A stand-in CLI for the inactivity timeout. It answers control requests, and each user message
# with system/init and then, as QUIET_MODE says:
#   silent   - nothing more, though it keeps reading (a CLI that resumes answers normally)
#   chatty   - a keep_alive line every 0.2 s for 4 s, then its result
#   callback - a can_use_tool request, and its result once the answer is in
# Shell builtins only (and sleep), so that it starts fast.
sid="0000c0de-0000-4000-8000-00000000a11e"
init='{"type":"system","subtype":"init","session_id":"0000c0de-0000-4000-8000-00000000a11e","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}'
result='{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"RESULT","session_id":"0000c0de-0000-4000-8000-00000000a11e","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}'
mode="${QUIET_MODE:-silent}"
case " $* " in *" --resume"*) mode=answer ;; esac
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"control_response"'*)
      case "$line" in *'"behavior":"allow"'*) printf '%s\n' "$result" | sed 's/RESULT/allowed/' ;; *) printf '%s\n' "$result" | sed 's/RESULT/denied/' ;; esac
      ;;
    *'"type":"user"'*)
      printf '%s\n' "$init"
      case "$mode" in
        silent) ;;
        answer) printf '%s\n' "$result" | sed 's/RESULT/resumed/' ;;
        chatty)
          i=0
          while [ $i -lt 20 ]; do sleep 0.2; printf '{"type":"keep_alive"}\n'; i=$((i + 1)); done
          printf '%s\n' "$result" | sed 's/RESULT/talked/'
          ;;
        callback)
          printf '{"type":"control_request","request_id":"cli-1","request":{"subtype":"can_use_tool","tool_name":"Bash","input":{"command":"true"},"tool_use_id":"t1"}}\n'
          ;;
      esac
      ;;
  esac
done
