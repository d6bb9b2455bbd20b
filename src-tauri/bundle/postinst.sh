#!/bin/sh
# Register the agreement file type and the desktop entry's MIME types.
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
