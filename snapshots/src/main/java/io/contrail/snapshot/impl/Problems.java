package io.contrail.snapshot.impl;

import io.contrail.snapshot.SnapshotCorruptedException;
import io.contrail.snapshot.SnapshotCorruptedException.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what verification finds wrong with a snapshot, so that one exception reports all of
 * it (up to {@link SnapshotCorruptedException#MAX_LISTED_PROBLEMS} spelled out).
 *
 * <h2>Threading</h2>
 * Not thread-safe; one per verification.
 */
public final class Problems {

    private final List<Problem> kinds = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    public void add(Problem kind, String text) {
        kinds.add(kind);
        texts.add(text);
    }

    public boolean isEmpty() {
        return kinds.isEmpty();
    }

    public int size() {
        return kinds.size();
    }

    /**
     * Throws if a problem was found.
     *
     * @param subject what was verified: "snapshot 3 of job 'x' (id 7)"
     * @param advice  what the user can do, one or more sentences
     */
    public void throwIfAny(String subject, String advice) {
        if (!kinds.isEmpty()) {
            throw toException(subject, advice);
        }
    }

    /** {@code text} with its first letter in upper case. */
    public static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public SnapshotCorruptedException toException(String subject, String advice) {
        StringBuilder message = new StringBuilder(capitalize(subject)).append(" is corrupted and cannot be used: ");
        int listed = Math.min(texts.size(), SnapshotCorruptedException.MAX_LISTED_PROBLEMS);
        message.append(String.join("; ", texts.subList(0, listed)));
        if (texts.size() > listed) {
            message.append("; and ").append(texts.size() - listed).append(" more problems");
        }
        message.append(". ").append(advice);
        return new SnapshotCorruptedException(message.toString(), kinds);
    }
}
