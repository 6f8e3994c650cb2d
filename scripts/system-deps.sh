#!/usr/bin/env bash
# The system programs the test suite drives: Debian's chromium (browser tests) and a Java
# runtime (Spark tests). Installed with apt-get when missing and running as root; otherwise
# one line says what is missing and how to install it, and `make test` stops.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "make test needs ${need[*]}: run 'sudo apt-get install -y ${need[*]}' (or run make test as root)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs ${need[*]} and this system has no apt-get: install them, then rerun" >&2
  exit 1
fi
echo "installing ${need[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
