#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret
# Service), under a throwaway HOME, so keychain tests never touch the user's own keyring.
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null || ! command -v secret-tool >/dev/null; then
  echo "keychain tests need dbus-run-session, gnome-keyring-daemon and secret-tool (sudo apt-get install dbus-x11 gnome-keyring libsecret-tools)" >&2
  exit 1
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@" 2> >(grep -v -e "fd limit" -e "SystemPrompter" -e "Gtk-WARNING" -e "couldn.t initialize prompt" >&2 || true)
