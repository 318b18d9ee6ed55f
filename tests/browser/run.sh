#!/usr/bin/env bash
# The page of `speechtree serve` in headless Chromium, as a proofreader uses
# it: paste a speech, click the outline, see a numbering finding, open a
# .docx, download, and a 1 MB report. Screenshots go to target/browser/.
#
# Installs what it needs (Debian's chromium, chromium-driver and a Chinese
# font; Selenium from PyPI) when it is missing, so it runs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi micro hei" || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! python3 -c "import selenium" 2>/dev/null; then
  echo "== pip install selenium"
  python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi

echo "== cargo build --bin speechtree"
cargo build --quiet --bin speechtree
export SPEECHTREE_BIN="${SPEECHTREE_BIN:-$PWD/target/debug/speechtree}"
mkdir -p target/browser
python3 tests/browser/test_page.py
