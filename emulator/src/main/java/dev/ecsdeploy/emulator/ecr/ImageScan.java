package dev.ecsdeploy.emulator.ecr;

import java.time.Instant;

/**
 * The scan state of one image. A basic scan, or an enhanced scan on push, is IN_PROGRESS (PENDING for enhanced)
 * until its due time, then COMPLETE stamped with that due time. Enhanced continuous scanning goes PENDING → ACTIVE
 * and stays ACTIVE, as Inspector's does. A test pin holds any status (FAILED, "stay IN_PROGRESS", …) until cleared.
 */
final class ImageScan {
    static final String CONTINUOUS_DESCRIPTION = "Continuous scan is selected for image.";

    private final Kind kind;
    private final Instant startedAt;
    private final Instant dueAt;
    private String status;
    private String description;
    private Instant completedAt;
    private boolean pinned;

    /** Basic (Clair's successor), enhanced on push, or enhanced continuous. */
    enum Kind {
        BASIC,
        ENHANCED_ON_PUSH,
        ENHANCED_CONTINUOUS
    }

    ImageScan(Kind kind, Instant startedAt, Instant dueAt) {
        this.kind = kind;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
        this.status = kind == Kind.BASIC ? "IN_PROGRESS" : "PENDING";
        this.description = kind == Kind.BASIC ? null : "Enhanced scanning is pending for the image.";
    }

    /** Applies the transition if it became due at or before {@code now}, stamped with its due time. */
    void advanceTo(Instant now) {
        if (pinned || now.isBefore(dueAt) || !(status.equals("IN_PROGRESS") || status.equals("PENDING"))) {
            return;
        }
        completedAt = dueAt;
        if (kind == Kind.ENHANCED_CONTINUOUS) {
            status = "ACTIVE";
            description = CONTINUOUS_DESCRIPTION;
        } else {
            status = "COMPLETE";
            description = "The scan was completed successfully.";
        }
    }

    void pin(String pinnedStatus, String pinnedDescription) {
        pinned = true;
        status = pinnedStatus;
        description = pinnedDescription;
    }

    void unpin(Instant now) {
        pinned = false;
        status = kind == Kind.BASIC ? "IN_PROGRESS" : "PENDING";
        advanceTo(now);
    }

    boolean enhanced() {
        return kind != Kind.BASIC;
    }

    Kind kind() {
        return kind;
    }

    Instant startedAt() {
        return startedAt;
    }

    String status() {
        return status;
    }

    String description() {
        return description;
    }

    Instant completedAt() {
        return completedAt;
    }

    /** Findings are readable once a scan completed or, for continuous scanning, is active. */
    boolean hasFindings() {
        return status.equals("COMPLETE") || status.equals("ACTIVE");
    }
}
