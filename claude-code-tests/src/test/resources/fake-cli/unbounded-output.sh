#!/usr/bin/env bash
# A stand-in CLI whose output has no bound. It answers initialize; for a user message it writes,
# as UNBOUNDED_MODE says:
#   stdout-line  an assistant line that never ends (until the CLI is stopped)
#   stderr-line  UNBOUNDED_BYTES bytes on stderr with no newline, then exits with status 3
#   flood        FLOOD_MESSAGES assistant messages of FLOOD_BYTES bytes of text each, then a result
# and for any later user message an ordinary short answer.
mode="${UNBOUNDED_MODE:-stdout-line}"
init='{"type":"system","subtype":"init","session_id":"unbounded","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}'
result='{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"done","session_id":"unbounded","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}'
turns=0
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      turns=$((turns + 1))
      printf '%s\n' "$init"
      if (( turns > 1 )); then
        printf '%s\n' "$result"
        continue
      fi
      case "$mode" in
        stdout-line)
          printf '{"type":"assistant","session_id":"unbounded","uuid":"a0","parent_tool_use_id":null,"message":{"id":"m0","type":"message","role":"assistant","model":"stand-in","content":[{"type":"text","text":"'
          tr '\0' 'x' </dev/zero
          ;;
        stderr-line)
          head -c "${UNBOUNDED_BYTES:-1073741824}" /dev/zero | tr '\0' 'e' >&2
          exit 3
          ;;
        flood)
          awk -v n="${FLOOD_MESSAGES:-4000}" -v size="${FLOOD_BYTES:-65536}" 'BEGIN {
            pad = "y"; while (length(pad) < size) pad = pad pad; pad = substr(pad, 1, size)
            for (i = 0; i < n; i++) {
              print "{\"type\":\"assistant\",\"session_id\":\"unbounded\",\"uuid\":\"a" i "\",\"parent_tool_use_id\":null,\"message\":{\"id\":\"m" i "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stand-in\",\"content\":[{\"type\":\"text\",\"text\":\"" i " " pad "\"}],\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}"
            }
          }' </dev/null
          printf '%s\n' "$result"
          ;;
        *)
          printf '%s\n' "$result"
          ;;
      esac
      ;;
  esac
done
