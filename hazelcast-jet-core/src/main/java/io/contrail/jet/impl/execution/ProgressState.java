package io.contrail.jet.impl.execution;

/** What one call of a {@link Tasklet} achieved; workers back off when nothing made progress. */
public enum ProgressState {
    /** Nothing moved: the tasklet waits for input or for room downstream. */
    NO_PROGRESS(false, false),
    /** Something moved and there is more to do. */
    MADE_PROGRESS(true, false),
    /** Finished in this call. */
    DONE(true, true);

    private final boolean madeProgress;
    private final boolean done;

    ProgressState(boolean madeProgress, boolean done) {
        this.madeProgress = madeProgress;
        this.done = done;
    }

    public boolean isMadeProgress() {
        return madeProgress;
    }

    public boolean isDone() {
        return done;
    }
}
