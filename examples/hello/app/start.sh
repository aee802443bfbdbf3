#!/bin/sh
# Serves the page on port 8080 (in an image that has a shell and busybox httpd; the demo image is FROM scratch,
# where the emulator simulates the process from the image labels instead).
exec httpd -f -p 8080 -h /srv/www
