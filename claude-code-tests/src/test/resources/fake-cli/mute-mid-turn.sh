#!/usr/bin/env bash
# A stand-in CLI that closes its standard output in the middle of its first turn, after system/init
# and one assistant message, and then keeps running and reading its input.
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      printf '{"type":"system","subtype":"init","session_id":"mute","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n'
      printf '{"type":"assistant","session_id":"mute","uuid":"a1","parent_tool_use_id":null,"message":{"id":"m","type":"message","role":"assistant","model":"stand-in","content":[{"type":"text","text":"before the silence"}],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n'
      exec 1>&-
      while IFS= read -r ignored; do :; done
      exit 0
      ;;
  esac
done
