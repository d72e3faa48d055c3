#!/bin/sh
# Starts the hub in a D-Bus session with an unlocked GNOME Keyring (the Secret Service that keeps
# the platform credentials), then becomes the hub itself, so SIGTERM reaches it and it drains.
# The keyring's password is read from a file (a Docker secret), never from the environment.
set -eu
password_file="${SOCIAL_INBOX_KEYRING_PASSWORD_FILE:-/run/secrets/keyring_password}"
if [ ! -r "$password_file" ]; then
  echo "hub-entrypoint: no keyring password at $password_file (mount it as a secret)" >&2
  exit 2
fi
eval "$(dbus-launch --sh-syntax)"
export DBUS_SESSION_BUS_ADDRESS
gnome-keyring-daemon --unlock --components=secrets < "$password_file" > /dev/null
exec node out/hub/cli.mjs "$@"
