package io.contrail.jet.impl.processor;

import io.contrail.jet.core.Watermark;
import io.contrail.jet.core.test.TestInbox;
import io.contrail.jet.core.test.TestOutbox;
import io.contrail.jet.core.test.TestProcessorContext;
import io.contrail.jet.processor.JoinType;
import io.contrail.jet.processor.Processors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.contrail.jet.core.test.TestSupport.verifyProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashJoinPTest {

    /** A build item: a customer with an id. */
    record Customer(int id, String name) {
    }

    /** A probe item: an order of a customer; {@code customerId} may be null. */
    record Order(int orderId, Integer customerId) {
    }

    private static final List<Object> CUSTOMERS = List.of(
            new Customer(1, "ann"), new Customer(2, "bob"), new Customer(1, "ann-2"));

    @Test
    void innerJoinEmitsOneResultPerMatchedProbeItem() {
        verifyProcessor(Processors.<Customer, Order, String>hashJoin(Customer::id, Order::customerId,
                        (order, customers) -> order.orderId() + ":" + customers.stream().map(Customer::name).toList(), JoinType.INNER))
                .inputs(List.of(CUSTOMERS, List.of(new Order(10, 1), new Order(11, 3), new Order(12, 2), new Order(13, null))))
                .expectOutput(List.of("10:[ann, ann-2]", "12:[bob]"));
    }

    @Test
    void leftOuterJoinPassesEmptyListWithoutMatch() {
        verifyProcessor(Processors.<Customer, Order, String>hashJoin(Customer::id, Order::customerId,
                        (order, customers) -> order.orderId() + ":" + customers.size(), JoinType.LEFT_OUTER))
                .inputs(List.of(CUSTOMERS, List.of(new Order(10, 1), new Order(11, 3), new Order(13, null))))
                .expectOutput(List.of("10:2", "11:0", "13:0"));
    }

    @Test
    void probesFromSeveralOrdinalsAndDropsNullResults() {
        verifyProcessor(Processors.<Customer, Order, String>hashJoin(Customer::id, Order::customerId,
                        (order, customers) -> order.orderId() == 99 ? null : order.orderId() + ":" + customers.get(0).name(),
                        JoinType.INNER))
                .inputs(List.of(CUSTOMERS, List.of(new Order(10, 2), new Order(99, 2)), List.of(new Order(20, 1))))
                .expectOutput(List.of("10:bob", "20:ann"));
    }

    @Test
    void buildItemsWithNullKeyNeverMatch() {
        verifyProcessor(Processors.<Order, Order, String>hashJoin(Order::customerId, Order::customerId,
                        (probe, matches) -> probe.orderId() + ":" + matches.size(), JoinType.LEFT_OUTER))
                .inputs(List.of(List.of(new Order(1, null), new Order(2, 5)), List.of(new Order(3, null), new Order(4, 5))))
                .expectOutput(List.of("3:0", "4:1"));
    }

    @Test
    void holdsWatermarkUntilBuildSideCompletes() {
        verifyProcessor(Processors.<Customer, Order, Integer>hashJoin(Customer::id, Order::customerId,
                        (order, customers) -> order.orderId(), JoinType.INNER))
                .inputs(List.of(
                        List.of(new Customer(1, "ann"), new Watermark(5), new Watermark(7), new Customer(2, "bob")),
                        List.of(new Order(10, 1), new Watermark(9), new Order(11, 2))))
                .expectOutput(List.of(new Watermark(7), 10, new Watermark(9), 11));
    }

    @Test
    void matchesListIsUnmodifiable() {
        List<Object> seen = new ArrayList<>();
        HashJoinP<Customer, Order, Object> p = new HashJoinP<>(Customer::id, Order::customerId, (order, customers) -> {
            seen.add(customers);
            return order;
        }, JoinType.INNER);
        TestOutbox outbox = new TestOutbox(10);
        init(p, outbox, 0);
        p.process(0, new TestInbox().add(new Customer(1, "ann")));
        assertThat(p.completeEdge(0)).isTrue();
        p.process(1, new TestInbox().add(new Order(1, 1)));
        @SuppressWarnings("unchecked")
        List<Customer> matches = (List<Customer>) seen.get(0);
        assertThatThrownBy(() -> matches.add(new Customer(2, "x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void probeItemBeforeBuildCompletesFailsNamingPriority() {
        HashJoinP<Customer, Order, Object> p = new HashJoinP<>(Customer::id, Order::customerId, (o, c) -> o, JoinType.INNER);
        init(p, new TestOutbox(10), 0);
        assertThatThrownBy(() -> p.process(1, new TestInbox().add(new Order(1, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before its build side")
                .hasMessageContaining("priority");
    }

    @Test
    void restoreToleratesTheSameTableFromSeveralProcessors() {
        // With a broadcast build edge every processor saves the same table; a restore that hands a
        // processor the entries of all of them must not duplicate build items.
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            HashJoinP<Customer, Order, String> p = new HashJoinP<>(Customer::id, Order::customerId,
                    (o, c) -> o.orderId() + ":" + c.size(), JoinType.INNER);
            TestOutbox outbox = new TestOutbox(new int[]{10}, 100);
            init(p, outbox, index);
            p.process(0, new TestInbox().addAll(CUSTOMERS));
            assertThat(p.completeEdge(0)).isTrue();
            assertThat(p.saveToSnapshot()).isTrue();
            outbox.drainSnapshotBucket(entries);
        }
        HashJoinP<Customer, Order, String> restored = new HashJoinP<>(Customer::id, Order::customerId,
                (o, c) -> o.orderId() + ":" + c.size(), JoinType.INNER);
        TestOutbox outbox = new TestOutbox(10);
        init(restored, outbox, 1);
        TestInbox inbox = new TestInbox().addAll(entries);
        restored.restoreFromSnapshot(inbox);
        assertThat(inbox.isEmpty()).isTrue();
        assertThat(restored.finishSnapshotRestore()).isTrue();
        restored.process(1, new TestInbox().add(new Order(7, 1)));
        assertThat(outbox.bucket(0)).containsExactly("7:2");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> Processors.<Customer, Order, Object>hashJoin(Customer::id, Order::customerId, (o, c) -> o, null))
                .isInstanceOf(NullPointerException.class).hasMessage("joinType is null");
        assertThatThrownBy(() -> Processors.<Customer, Order, Object>hashJoin(null, Order::customerId, (o, c) -> o, JoinType.INNER))
                .isInstanceOf(NullPointerException.class).hasMessage("buildKeyFn is null");
    }

    private static void init(HashJoinP<?, ?, ?> p, TestOutbox outbox, int index) {
        try {
            p.init(outbox, new TestProcessorContext().setProcessorIndex(index, 2));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
