#!/usr/bin/env bash
# A stand-in CLI that floods: for a user message it writes FLOOD_MESSAGES assistant messages whose
# text starts with their number, and after every FLOOD_REQUEST_EVERY of them a control request of
# its own (can_use_tool). Then it reads until each of its requests has an answer and an interrupt
# has arrived (answering control requests as they come), and ends the turn with a result that
# says how many answers it got.
n="${FLOOD_MESSAGES:-20000}"
every="${FLOOD_REQUEST_EVERY:-1000}"
pad=$(printf '%*s' "${FLOOD_PAD:-512}" '' | tr ' ' 'x')
answer() {
  local id=${1#*\"request_id\":\"}; id=${id%%\"*}
  printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
}
while IFS= read -r line; do
  case "$line" in
    *'"type":"control_request"'*) answer "$line" ;;
    *'"type":"user"'*)
      printf '{"type":"system","subtype":"init","session_id":"flood","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n'
      # awk writes the flood at pipe speed; the shell only counts the requests it contains
      awk -v n="$n" -v every="$every" -v pad="$pad" 'BEGIN {
        for (i = 0; i < n; i++) {
          printf "{\"type\":\"assistant\",\"session_id\":\"flood\",\"uuid\":\"a%d\",\"parent_tool_use_id\":null,\"message\":{\"id\":\"m%d\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"stand-in\",\"content\":[{\"type\":\"text\",\"text\":\"%d %s\"}],\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n", i, i, i, pad
          if (i % every == every - 1) {
            printf "{\"type\":\"control_request\",\"request_id\":\"cli-%d\",\"request\":{\"subtype\":\"can_use_tool\",\"tool_name\":\"Bash\",\"input\":{\"command\":\"true\"},\"tool_use_id\":\"t%d\"}}\n", sent, sent
            sent++
          }
        }
      }' </dev/null
      sent=$((n / every))
      answered=0
      interrupted=0
      while (( answered < sent || interrupted == 0 )) && IFS= read -r -t 60 reply; do
        case "$reply" in
          *'"type":"control_response"'*) answered=$((answered + 1)) ;;
          *'"subtype":"interrupt"'*) answer "$reply"; interrupted=1 ;;
          *'"type":"control_request"'*) answer "$reply" ;;
        esac
      done
      printf '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"duration_api_ms":1,"num_turns":1,"result":"sent=%d answered=%d interrupted=%d","session_id":"flood","total_cost_usd":0,"usage":{"input_tokens":1,"output_tokens":1},"uuid":"r0"}\n' "$sent" "$answered" "$interrupted"
      ;;
  esac
done
