package io.contrail.sql.impl.processor;

import io.contrail.jet.core.AbstractProcessor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;

/**
 * {@code IMPOSE_ORDER}: passes rows on and emits watermarks {@code lag} behind the highest event
 * time seen, read from one column (internal epoch milliseconds). A row whose event time is below
 * the last emitted watermark, or NULL, is late and dropped; the number dropped shows as the
 * difference between the vertex's items in and out. Watermarks from upstream (a generator's own)
 * are swallowed: event time here is the column's, nothing else.
 *
 * <p>Cooperative; keeps two longs of state. After a restore from a snapshot it starts with no
 * watermark, so the first rows after the restore are not judged late here; the windows
 * downstream keep their own watermark and drop what is late for them.
 */
public final class ImposeOrderP extends AbstractProcessor {

    private final int timeColumn;
    private final long lagMillis;
    private long lastWatermark = Long.MIN_VALUE;
    private Watermark pendingWatermark;
    private Object pendingRow;

    private ImposeOrderP(int timeColumn, long lagMillis) {
        this.timeColumn = timeColumn;
        this.lagMillis = lagMillis;
    }

    public static ProcessorSupplier supplier(int timeColumn, long lagMillis) {
        if (lagMillis < 0) {
            throw new IllegalArgumentException("lag is negative: " + lagMillis);
        }
        return () -> new ImposeOrderP(timeColumn, lagMillis);
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        if (pendingRow == null && pendingWatermark == null) {
            Object time = ((Object[]) item)[timeColumn];
            if (time == null || (Long) time < lastWatermark) {
                return true;
            }
            pendingRow = item;
            long watermark = (Long) time - lagMillis;
            if (watermark > lastWatermark) {
                lastWatermark = watermark;
                pendingWatermark = new Watermark(watermark);
            }
        }
        if (pendingRow != null) {
            if (!tryEmit(pendingRow)) {
                return false;
            }
            pendingRow = null;
        }
        if (pendingWatermark != null) {
            if (!tryEmit(pendingWatermark)) {
                return false;
            }
            pendingWatermark = null;
        }
        return true;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        return true;
    }
}
