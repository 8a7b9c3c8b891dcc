#!/usr/bin/env bash
# Runs the CLI named by REAL_CLI with the given arguments in this process's place, and copies every
# line it writes on stdout to the file STDOUT_COPY: the record of what the CLI really wrote.
exec "$REAL_CLI" "$@" > >(exec tee -a "$STDOUT_COPY")
