#!/usr/bin/env bash
# The editor tests drive Debian's Chromium headless. Install it when missing:
# as root through apt-get (CI and fresh machines here), otherwise say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the editor tests…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  exit 0
fi
echo "The editor tests need Chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
exit 1
