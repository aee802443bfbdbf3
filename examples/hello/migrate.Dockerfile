# The demo's one-off migration task. Like the application image it only describes files and metadata, so Jib can
# build it; the emulator labels make its task print migration lines and exit 0.
FROM scratch
COPY app/migrate.sh /srv/migrate.sh
LABEL org.opencontainers.image.title="hello-migrate" \
      dev.ecsdeploy.emulator.run-seconds="30" \
      dev.ecsdeploy.emulator.exit-code="0" \
      dev.ecsdeploy.emulator.log-lines="migrate: connecting to the greetings database\nmigrate: applying 001_create_greetings\nmigrate: applying 002_add_language\nmigrate: 2 migrations applied"
ENTRYPOINT ["/srv/migrate.sh"]
