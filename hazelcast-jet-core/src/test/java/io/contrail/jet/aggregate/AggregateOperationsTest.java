package io.contrail.jet.aggregate;

import io.contrail.jet.function.ComparatorEx;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateOperationsTest {

    private static final List<Long> ITEMS = List.of(5L, -3L, 12L, 7L, 0L, 12L, 41L, -8L, 3L, 9L);

    @Test
    void counting() {
        checkOperation(AggregateOperations.counting(), ITEMS, 10L);
        assertThat(AggregateOperations.<Object>counting().isCounting()).isTrue();
    }

    @Test
    void summingLong() {
        LongAggregateOperation<Long> op = AggregateOperations.summingLong(x -> x);
        checkOperation(op, ITEMS, 78L);
        assertThat(op.isCounting()).isFalse();
        assertThat(op.valueFn().applyAsLong(17L)).isEqualTo(17);
    }

    @Test
    void summingLongWrapsAroundAndStillDeducts() {
        AggregateOperation<Long, LongAccumulator, Long> op = AggregateOperations.summingLong(x -> x);
        checkOperation(op, List.of(Long.MAX_VALUE, 1L, 5L), Long.MIN_VALUE + 5);
    }

    @Test
    void summingDouble() {
        checkOperation(AggregateOperations.summingDouble(x -> x * 0.5), ITEMS, 39.0);
    }

    @Test
    void averagingLong() {
        checkOperation(AggregateOperations.averagingLong(x -> x), ITEMS, 7.8);
        Double none = export(AggregateOperations.averagingLong((Long x) -> x), List.of());
        assertThat(none).isNaN();
    }

    @Test
    void averagingDouble() {
        checkOperation(AggregateOperations.averagingDouble(x -> x), ITEMS, 7.8);
        Double none = export(AggregateOperations.averagingDouble((Long x) -> x), List.of());
        assertThat(none).isNaN();
    }

    @Test
    void minByAndMaxBy() {
        checkOperation(AggregateOperations.minBy(ComparatorEx.<Long>naturalOrder()), ITEMS, -8L);
        checkOperation(AggregateOperations.maxBy(ComparatorEx.<Long>naturalOrder()), ITEMS, 41L);
        Long none = export(AggregateOperations.maxBy(ComparatorEx.<Long>naturalOrder()), List.of());
        assertThat(none).isNull();
        assertThat(AggregateOperations.maxBy(ComparatorEx.<Long>naturalOrder()).canDeduct()).isFalse();
    }

    @Test
    void topN() {
        checkOperation(AggregateOperations.topN(3, ComparatorEx.<Long>naturalOrder()), ITEMS, List.of(41L, 12L, 12L));
        checkOperation(AggregateOperations.topN(20, ComparatorEx.<Long>naturalOrder()), ITEMS,
                ITEMS.stream().sorted(Collections.reverseOrder()).toList());
        assertThatThrownBy(() -> AggregateOperations.topN(0, ComparatorEx.<Long>naturalOrder()))
                .hasMessageContaining("positive n, got 0");
    }

    @Test
    void allOf() {
        AggregateOperation<Long, List<Object>, List<Object>> op = AggregateOperations.allOf(
                AggregateOperations.counting(), AggregateOperations.summingLong(x -> x));
        checkOperation(op, ITEMS, List.of(10L, 78L));
        assertThat(op.canDeduct()).isTrue();
        assertThat(AggregateOperations.allOf(AggregateOperations.counting(),
                AggregateOperations.maxBy(ComparatorEx.<Long>naturalOrder())).canDeduct()).isFalse();
    }

    @Test
    void andThenAndWithoutDeduct() {
        AggregateOperation<Long, LongAccumulator, String> op = AggregateOperations.<Long>counting().andThen(n -> "n=" + n);
        checkOperation(op, ITEMS, "n=10");
        assertThat(op.withoutDeduct().canDeduct()).isFalse();
        checkOperation(op.withoutDeduct(), ITEMS, "n=10");
    }

    @Test
    void builderRequiresCombine() {
        assertThatThrownBy(() -> AggregateOperation.withCreate(LongAccumulator::new)
                .<Long>andAccumulate(LongAccumulator::add)
                .andExport(LongAccumulator::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("andCombine()");
    }

    @Test
    void operationsAreSerializable() throws Exception {
        AggregateOperation<Long, ?, ?> op = AggregateOperations.allOf(AggregateOperations.counting(),
                AggregateOperations.topN(2, ComparatorEx.<Long>naturalOrder()),
                AggregateOperations.averagingDouble(x -> x));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(op);
        }
        @SuppressWarnings("unchecked")
        AggregateOperation<Long, ?, ?> copy = (AggregateOperation<Long, ?, ?>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(export(copy, ITEMS)).isEqualTo(List.of(10L, List.of(41L, 12L), 7.8));
    }

    /**
     * Checks accumulate and export, combine of partials split at random points and combined in
     * random order, and (when supported) that deducting a partial gives the result of the rest.
     */
    private static <T, A, R> void checkOperation(AggregateOperation<T, A, R> op, List<T> items, R expected) {
        assertThat(export(op, items)).isEqualTo(expected);
        Random random = new Random(1);
        for (int round = 0; round < 50; round++) {
            List<T> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, random);
            List<A> partials = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); ) {
                int n = 1 + random.nextInt(4);
                partials.add(accumulate(op, shuffled.subList(i, Math.min(shuffled.size(), i + n))));
                i += n;
            }
            partials.add(op.createFn().get());
            Collections.shuffle(partials, random);
            A total = op.createFn().get();
            for (A partial : partials) {
                A before = copyOf(op, partial);
                op.combineFn().accept(total, partial);
                assertThat(op.exportFn().apply(partial)).as("combine must not change its right side")
                        .isEqualTo(op.exportFn().apply(before));
            }
            assertThat(op.exportFn().apply(total)).isEqualTo(expected);
            assertThat(op.exportFn().apply(total)).as("export must not change the accumulator").isEqualTo(expected);
            assertThat(op.finishFn().apply(total)).isEqualTo(expected);
            if (op.canDeduct()) {
                A removed = partials.get(0);
                op.deductFn().accept(total, removed);
                A rest = op.createFn().get();
                partials.subList(1, partials.size()).forEach(p -> op.combineFn().accept(rest, p));
                assertThat(op.exportFn().apply(total)).isEqualTo(op.exportFn().apply(rest));
            }
        }
    }

    private static <T, A> A copyOf(AggregateOperation<T, A, ?> op, A acc) {
        A copy = op.createFn().get();
        op.combineFn().accept(copy, acc);
        return copy;
    }

    private static <T, A> A accumulate(AggregateOperation<T, A, ?> op, List<T> items) {
        A acc = op.createFn().get();
        items.forEach(item -> op.accumulateFn().accept(acc, item));
        return acc;
    }

    private static <T, A, R> R export(AggregateOperation<T, A, R> op, List<T> items) {
        return op.exportFn().apply(accumulate(op, items));
    }
}
