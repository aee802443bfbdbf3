package dev.ecsdeploy.core.history;

/**
 * What a compaction did.
 *
 * @param linesBefore how many lines the journal had
 * @param entriesAfter how many entries it has now (one per build, deployment and task)
 * @param droppedLines how many lines were not JSON (torn or corrupted writes) and were dropped
 * @param bytesBefore the journal's size before
 * @param bytesAfter the journal's size after
 */
public record CompactionResult(
        int linesBefore, int entriesAfter, int droppedLines, long bytesBefore, long bytesAfter) {}
