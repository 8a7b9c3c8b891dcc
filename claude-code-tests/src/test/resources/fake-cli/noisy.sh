#!/usr/bin/env bash
# A stand-in CLI whose every turn mixes valid messages with lines that are not protocol messages:
# text, truncated JSON, JSON that is not an object, invalid UTF-8, raw NUL bytes, blank lines, a
# keep_alive, an answer nobody asked for, and messages of a type and a subtype nobody knows.
init='{"type":"system","subtype":"init","session_id":"noisy","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}'
assistant() {
  printf '{"type":"assistant","session_id":"noisy","uuid":"%s","parent_tool_use_id":null,"message":{"id":"m","type":"message","role":"assistant","model":"stand-in","content":[{"type":"text","text":"%s"}],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n' "$1" "$2"
}
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      printf '%s\n' "$init"
      printf 'this is not json\n'
      assistant a1 one
      printf '{"type":"assistant","message":{"content":[{"type":"text","text":"trunc\n'
      printf '{"type":"brand_new_message_type","summary":"ran 2 tools","session_id":"noisy","uuid":"u-unknown"}\n'
      printf 'null\n'
      printf '[1,2,3]\n'
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"nobody-asked"}}\n'
      printf '\n   \n'
      printf '{"type":"keep_alive"}\n'
      printf '\xff\xfe{"type":"assistant"}\n'
      printf '{"type":"system","subtype":"brand_new_subtype","session_id":"noisy","uuid":"u-system"}\n'
      printf '{"type":"assistant"\0,"x":1}\n'
      printf '{"type":"assistant","message":"not an object","session_id":"noisy","uuid":"u-wrong"}\n'
      assistant a2 two
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"done","session_id":"noisy","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}\n'
      ;;
  esac
done
