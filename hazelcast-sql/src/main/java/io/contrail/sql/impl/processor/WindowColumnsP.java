package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.window.SlidingWindowDefinition;

/**
 * {@code TUMBLE} or {@code HOP} whose rows are not aggregated: emits each row once per window
 * it falls in (once for a tumbling window, {@code size / slide} times for a hopping one), with
 * {@code window_start} and {@code window_end} appended. A row with a NULL event time belongs to
 * no window and is dropped. Cooperative, stateless.
 */
public final class WindowColumnsP extends AbstractProcessor {

    private final int timeColumn;
    private final SlidingWindowDefinition window;
    private Object[] row;
    private long nextStart;
    private long lastStart;

    private WindowColumnsP(int timeColumn, SlidingWindowDefinition window) {
        this.timeColumn = timeColumn;
        this.window = window;
    }

    public static ProcessorSupplier supplier(int timeColumn, SlidingWindowDefinition window) {
        return () -> new WindowColumnsP(timeColumn, window);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (row == null) {
            Object time = ((Object[]) item)[timeColumn];
            if (time == null) {
                return true;
            }
            row = (Object[]) item;
            lastStart = Math.floorDiv((Long) time, window.slideBy()) * window.slideBy();
            nextStart = lastStart - window.windowSize() + window.slideBy();
        }
        for (; nextStart <= lastStart; nextStart += window.slideBy()) {
            Object[] out = new Object[row.length + 2];
            System.arraycopy(row, 0, out, 0, row.length);
            out[row.length] = nextStart;
            out[row.length + 1] = nextStart + window.windowSize();
            if (!tryEmit(out)) {
                return false;
            }
        }
        row = null;
        return true;
    }
}
