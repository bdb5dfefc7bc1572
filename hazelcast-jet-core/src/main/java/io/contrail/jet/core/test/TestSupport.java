package io.contrail.jet.core.test;

import io.contrail.jet.core.Processor;
import io.contrail.jet.core.ProcessorSupplier;
import io.contrail.jet.core.Watermark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Drives one processor through its whole contract, the way the engine would, and checks what it
 * emits. Each {@link #verify()} runs the processor several times:
 * <ul>
 *     <li>with an outbox that takes one item per call, so that every {@code offer} hits
 *     back-pressure, and with a roomy one;</li>
 *     <li>without snapshots, and with a snapshot after every input item (and after every
 *     {@code complete()} call), restoring into a <em>fresh</em> processor instance each time.</li>
 * </ul>
 * Input items are delivered one at a time; {@link Watermark} items in the input go to
 * {@link Processor#tryProcessWatermark}. The emitted watermarks are part of the output.
 *
 * <pre>{@code
 * TestSupport.verifyProcessor(() -> new MapP<>(x -> x * 2))
 *         .input(List.of(1, 2, 3))
 *         .expectOutput(List.of(2, 4, 6));
 * }</pre>
 */
public final class TestSupport {

    private static final int MAX_CALLS_WITHOUT_PROGRESS = 100_000;

    private final ProcessorSupplier supplier;
    private List<? extends List<?>> inputs = List.of();
    private int outputOrdinalCount = -1;
    private boolean snapshotsEnabled = true;
    private boolean backPressureEnabled = true;
    private long runUntilOutputMatchesMillis = -1;
    private BiPredicate<List<?>, List<?>> outputChecker = Objects::equals;
    private Consumer<TestProcessorContext> contextSetup = context -> { };

    private TestSupport(ProcessorSupplier supplier) {
        this.supplier = requireNonNull(supplier, "supplier is null");
    }

    /** Starts a verification of the processors that {@code supplier} creates. */
    public static TestSupport verifyProcessor(ProcessorSupplier supplier) {
        return new TestSupport(supplier);
    }

    /** Input items for ordinal 0. */
    public TestSupport input(List<?> items) {
        return inputs(List.of(items));
    }

    /** Input items per ordinal; ordinal {@code i} is fed and completed before ordinal {@code i + 1}. */
    public TestSupport inputs(List<? extends List<?>> itemsPerOrdinal) {
        this.inputs = List.copyOf(itemsPerOrdinal);
        return this;
    }

    /** The number of output ordinals; defaults to the number of expected output lists. */
    public TestSupport outputOrdinalCount(int count) {
        this.outputOrdinalCount = count;
        return this;
    }

    /** Skips the runs with snapshot and restore (for processors without snapshot support). */
    public TestSupport disableSnapshots() {
        this.snapshotsEnabled = false;
        return this;
    }

    /** Skips the run with a one-item outbox. */
    public TestSupport disableBackPressure() {
        this.backPressureEnabled = false;
        return this;
    }

    /**
     * For processors whose {@code complete()} never returns {@code true} (unbounded sources):
     * call it until the output matches or the time runs out.
     */
    public TestSupport runUntilOutputMatches(long timeoutMillis) {
        this.runUntilOutputMatchesMillis = timeoutMillis;
        return this;
    }

    /** Replaces the equality check of expected and actual output of one ordinal. */
    public TestSupport outputChecker(BiPredicate<List<?>, List<?>> checker) {
        this.outputChecker = requireNonNull(checker, "checker is null");
        return this;
    }

    /** Adjusts the processor context before {@code init}. */
    public TestSupport contextSetup(Consumer<TestProcessorContext> setup) {
        this.contextSetup = requireNonNull(setup, "setup is null");
        return this;
    }

    /** Runs every variant and checks that ordinal 0 emits exactly {@code expected}. */
    public void expectOutput(List<?> expected) {
        expectOutputs(List.of(expected));
    }

    /** Runs every variant and checks the output of each ordinal. */
    public void expectOutputs(List<? extends List<?>> expected) {
        int ordinals = outputOrdinalCount >= 0 ? outputOrdinalCount : expected.size();
        for (boolean backPressure : backPressureEnabled ? new boolean[]{false, true} : new boolean[]{false}) {
            for (boolean snapshots : snapshotsEnabled ? new boolean[]{false, true} : new boolean[]{false}) {
                String variant = "[outbox capacity " + (backPressure ? "1" : "large") + ", "
                        + (snapshots ? "snapshot+restore after each item" : "no snapshots") + "]";
                List<List<Object>> actual = new Run(ordinals, backPressure ? 1 : Integer.MAX_VALUE, snapshots, expected).execute(variant);
                for (int i = 0; i < ordinals; i++) {
                    List<?> want = i < expected.size() ? expected.get(i) : List.of();
                    if (!outputChecker.test(want, actual.get(i))) {
                        throw new AssertionError(variant + " output ordinal " + i + " differs.\nExpected: " + want + "\nActual:   " + actual.get(i));
                    }
                }
            }
        }
    }

    /** Processes all input and calls {@code complete()}; returns what ordinal 0..n-1 emitted. */
    private final class Run {
        private final TestOutbox outbox;
        private final boolean snapshots;
        private final List<List<Object>> output = new ArrayList<>();
        private final List<? extends List<?>> expected;
        private Processor processor;
        private String variant;

        Run(int ordinals, int capacity, boolean snapshots, List<? extends List<?>> expected) {
            int[] capacities = new int[ordinals];
            Arrays.fill(capacities, capacity);
            this.outbox = new TestOutbox(capacities, capacity);
            this.snapshots = snapshots;
            this.expected = expected;
            for (int i = 0; i < ordinals; i++) {
                output.add(new ArrayList<>());
            }
        }

        List<List<Object>> execute(String variant) {
            this.variant = variant;
            processor = newProcessor();
            try {
                for (int ordinal = 0; ordinal < inputs.size(); ordinal++) {
                    for (Object item : inputs.get(ordinal)) {
                        deliver(ordinal, item);
                        if (snapshots) {
                            snapshotAndRestore();
                        }
                    }
                    int edge = ordinal;
                    callUntilDone(() -> processor.completeEdge(edge), "completeEdge(" + ordinal + ")");
                }
                complete();
                return output;
            } finally {
                closeQuietly(processor);
            }
        }

        private void deliver(int ordinal, Object item) {
            if (item instanceof Watermark wm) {
                callUntilDone(() -> processor.tryProcessWatermark(wm), "tryProcessWatermark(" + wm + ")");
                return;
            }
            TestInbox inbox = new TestInbox().add(item);
            int calls = 0;
            while (!inbox.isEmpty()) {
                processor.process(ordinal, inbox);
                drainOutbox();
                if (++calls > MAX_CALLS_WITHOUT_PROGRESS) {
                    throw new AssertionError(variant + " process() never consumed item " + item);
                }
            }
            callUntilDone(processor::tryProcess, "tryProcess()");
        }

        private void complete() {
            long deadline = runUntilOutputMatchesMillis < 0 ? Long.MAX_VALUE : System.nanoTime() / 1_000_000 + runUntilOutputMatchesMillis;
            int callsWithoutOutput = 0;
            while (true) {
                int before = outputSize();
                boolean done = processor.complete();
                drainOutbox();
                if (done) {
                    return;
                }
                if (runUntilOutputMatchesMillis >= 0) {
                    if (outputMatches()) {
                        return;
                    }
                    if (System.nanoTime() / 1_000_000 > deadline) {
                        throw new AssertionError(variant + " output did not match within " + runUntilOutputMatchesMillis
                                + " ms.\nExpected: " + expected + "\nActual:   " + output);
                    }
                } else if (outputSize() == before && ++callsWithoutOutput > MAX_CALLS_WITHOUT_PROGRESS) {
                    throw new AssertionError(variant + " complete() returned false " + MAX_CALLS_WITHOUT_PROGRESS
                            + " times without emitting; for an unbounded source use runUntilOutputMatches()");
                }
                if (snapshots) {
                    snapshotAndRestore();
                }
            }
        }

        private boolean outputMatches() {
            for (int i = 0; i < output.size(); i++) {
                List<?> want = i < expected.size() ? expected.get(i) : List.of();
                if (!outputChecker.test(want, output.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private void snapshotAndRestore() {
            List<Map.Entry<Object, Object>> entries = new ArrayList<>();
            int calls = 0;
            while (true) {
                boolean done = processor.saveToSnapshot();
                outbox.drainSnapshotBucket(entries);
                drainOutbox();
                if (done) {
                    break;
                }
                if (++calls > MAX_CALLS_WITHOUT_PROGRESS) {
                    throw new AssertionError(variant + " saveToSnapshot() never returned true");
                }
            }
            closeQuietly(processor);
            processor = newProcessor();
            if (!entries.isEmpty()) {
                TestInbox inbox = new TestInbox().addAll(entries);
                processor.restoreFromSnapshot(inbox);
                if (!inbox.isEmpty()) {
                    throw new AssertionError(variant + " restoreFromSnapshot() left " + inbox.size() + " entries in the inbox");
                }
            }
            callUntilDone(processor::finishSnapshotRestore, "finishSnapshotRestore()");
        }

        private Processor newProcessor() {
            Processor p = requireNonNull(supplier.get(), "the supplier returned null");
            TestProcessorContext context = new TestProcessorContext();
            contextSetup.accept(context);
            try {
                p.init(outbox, context);
            } catch (Exception e) {
                throw new AssertionError(variant + " init() failed", e);
            }
            return p;
        }

        private void callUntilDone(java.util.function.BooleanSupplier call, String what) {
            for (int calls = 0; !call.getAsBoolean(); calls++) {
                drainOutbox();
                if (calls > MAX_CALLS_WITHOUT_PROGRESS) {
                    throw new AssertionError(variant + " " + what + " never returned true");
                }
            }
            drainOutbox();
        }

        private void drainOutbox() {
            for (int i = 0; i < output.size(); i++) {
                outbox.drainBucket(i, output.get(i));
            }
        }

        private int outputSize() {
            return output.stream().mapToInt(List::size).sum();
        }
    }

    private static void closeQuietly(Processor processor) {
        try {
            processor.close();
        } catch (Exception e) {
            throw new AssertionError("close() failed", e);
        }
    }
}
