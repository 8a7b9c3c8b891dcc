#!/usr/bin/env bash
# A stand-in CLI that hangs silent once a turn starts: it answers initialize, writes system/init for
# the first user message, and from then on reads its input but answers nothing, not even an
# interrupt. It exits when its input ends. With SILENT_DEAF=1 it stops reading too.
while IFS= read -r line; do
  case "$line" in
    *'"subtype":"initialize"'*)
      id=${line#*\"request_id\":\"}; id=${id%%\"*}
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id"
      ;;
    *'"type":"user"'*)
      printf '{"type":"system","subtype":"init","session_id":"silent","uuid":"i0","cwd":"/","tools":[],"mcp_servers":[],"model":"stand-in","permissionMode":"default","slash_commands":[],"apiKeySource":"none","claude_code_version":"2.1.197","output_style":"default","agents":[],"skills":[],"plugins":[]}\n'
      if [ "${SILENT_DEAF:-0}" = 1 ]; then exec sleep 600; fi
      while IFS= read -r ignored; do :; done
      exit 0
      ;;
  esac
done
