package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Inbox;
import io.contrail.jet.core.Outbox;
import io.contrail.jet.core.Processor;
import io.contrail.jet.core.Watermark;
import io.contrail.jet.function.FunctionEx;
import org.slf4j.Logger;

import static java.util.Objects.requireNonNull;

/**
 * A sink that logs {@code toStringFn(item)} at INFO for each item of any input ordinal, and each
 * watermark at DEBUG, with the processor's logger ({@link Context#logger()}); emits nothing.
 * Cooperative: assumes the logging backend does not block (use an asynchronous appender for
 * heavy output). Meant for debugging and demos. Snapshot: no state.
 *
 * @param <T> the item type
 */
public final class WriteLoggerP<T> implements Processor {

    private final FunctionEx<? super T, ?> toStringFn;
    private Logger logger;

    public WriteLoggerP(FunctionEx<? super T, ?> toStringFn) {
        this.toStringFn = requireNonNull(toStringFn, "toStringFn is null");
    }

    @Override
    public void init(Outbox outbox, Context context) {
        logger = context.logger();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(int ordinal, Inbox inbox) {
        for (Object item; (item = inbox.poll()) != null; ) {
            logger.info("{}", toStringFn.apply((T) item));
        }
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        logger.debug("{}", watermark);
        return true;
    }
}
