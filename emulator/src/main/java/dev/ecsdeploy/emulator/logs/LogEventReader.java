package dev.ecsdeploy.emulator.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * GetLogEvents paging over one stream. A page holds at most {@code limit} events (10,000 at most) and at most 1 MB;
 * its forward token reads on after the page's last event and its backward token reads back before its first. A call
 * that finds nothing more in its direction answers the very token it was given, which is how a tailing client knows
 * it has caught up; events that arrive later are then found with that same token.
 */
final class LogEventReader {
    static final int MAX_EVENTS = 10_000;
    static final int MAX_PAGE_BYTES = 1_048_576;

    private LogEventReader() {}

    /** The optional time window of a request: events at or after {@code start} and strictly before {@code end}. */
    record Window(long start, long end) {
        static final Window ALL = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

        boolean before(LogEvent event) {
            return event.timestamp() < start;
        }

        boolean after(LogEvent event) {
            return event.timestamp() >= end;
        }
    }

    record Page(List<LogEvent> events, String nextForwardToken, String nextBackwardToken) {}

    static Page read(
            LogStream stream, Optional<String> token, boolean startFromHead, Window window, int limit, Instant now) {
        EventToken cursor = token.map(text -> EventToken.parse(text, stream, now))
                .orElseGet(() -> initialCursor(stream, startFromHead, now));
        List<LogEvent> events =
                cursor.forward() ? forward(stream, cursor, window, limit) : backward(stream, cursor, window, limit);
        if (events.isEmpty()) {
            return emptyPage(stream, cursor, token, now);
        }
        return new Page(
                events,
                new EventToken(true, stream.id(), events.get(events.size() - 1).position(), now).render(),
                new EventToken(false, stream.id(), events.get(0).position(), now).render());
    }

    private static EventToken initialCursor(LogStream stream, boolean startFromHead, Instant now) {
        if (startFromHead) {
            return new EventToken(true, stream.id(), LogEvent.Position.START, now);
        }
        LogEvent.Position end = stream.last()
                .map(LogEvent::position)
                .orElse(LogEvent.Position.START)
                .next();
        return new EventToken(false, stream.id(), end, now);
    }

    private static List<LogEvent> forward(LogStream stream, EventToken cursor, Window window, int limit) {
        List<LogEvent> all = stream.events();
        List<LogEvent> page = new ArrayList<>();
        int bytes = 0;
        for (int i = stream.indexAfter(cursor.position()); i < all.size() && page.size() < limit; i++) {
            LogEvent event = all.get(i);
            if (window.after(event)) {
                break;
            }
            if (window.before(event)) {
                continue;
            }
            bytes += event.size();
            if (bytes > MAX_PAGE_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    private static List<LogEvent> backward(LogStream stream, EventToken cursor, Window window, int limit) {
        List<LogEvent> all = stream.events();
        List<LogEvent> page = new ArrayList<>();
        int bytes = 0;
        for (int i = stream.indexBefore(cursor.position()) - 1; i >= 0 && page.size() < limit; i--) {
            LogEvent event = all.get(i);
            if (window.before(event)) {
                break;
            }
            if (window.after(event)) {
                continue;
            }
            bytes += event.size();
            if (bytes > MAX_PAGE_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(event);
        }
        Collections.reverse(page);
        return page;
    }

    private static Page emptyPage(LogStream stream, EventToken cursor, Optional<String> token, Instant now) {
        String same = token.orElseGet(cursor::render);
        if (cursor.forward()) {
            String backward =
                    new EventToken(false, stream.id(), cursor.position().next(), now).render();
            return new Page(List.of(), same, backward);
        }
        LogEvent.Position previous = cursor.position().previous();
        if (previous.compareTo(LogEvent.Position.START) < 0) {
            previous = LogEvent.Position.START;
        }
        String forward = new EventToken(true, stream.id(), previous, now).render();
        return new Page(List.of(), forward, same);
    }
}
