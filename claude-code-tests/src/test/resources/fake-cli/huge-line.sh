#!/usr/bin/env bash
# A stand-in CLI that answers initialize, then answers each user message with one assistant
# line whose text is HUGE_LINE_BYTES bytes long, and a result.
size="${HUGE_LINE_BYTES:-67108864}"
while IFS= read -r line; do
  case "$line" in
    *'"subtype":"initialize"'*)
      id=$(sed -E 's/.*"request_id":"([^"]+)".*/\1/' <<<"$line")
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      printf '{"type":"system","subtype":"init","session_id":"fake-session","uuid":"u0","cwd":"/","tools":[],"mcp_servers":[],"model":"fake","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n'
      printf '{"type":"assistant","session_id":"fake-session","uuid":"u1","parent_tool_use_id":null,"message":{"id":"m1","type":"message","role":"assistant","model":"fake","content":[{"type":"text","text":"'
      head -c "$size" /dev/zero | tr '\0' 'x'
      printf '"}],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n'
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"done","session_id":"fake-session","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"u2"}\n'
      ;;
  esac
done
