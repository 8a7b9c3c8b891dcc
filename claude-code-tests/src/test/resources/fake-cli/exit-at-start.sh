#!/bin/sh
# A stand-in CLI that fails at once, like a CLI that cannot read its configuration.
echo "fatal: the configuration directory is not writable" >&2
exit 3
