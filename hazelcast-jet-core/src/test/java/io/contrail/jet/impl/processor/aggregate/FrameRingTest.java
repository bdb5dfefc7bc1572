package io.contrail.jet.impl.processor.aggregate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class FrameRingTest {

    @Test
    void behavesLikeASortedMapIncludingOverflow() {
        Random random = new Random(7);
        FrameRing<List<Long>> ring = new FrameRing<>(16, ArrayList::new, List::clear);
        TreeMap<Long, List<Long>> model = new TreeMap<>();
        for (int op = 0; op < 20_000; op++) {
            long frame = random.nextInt(10) == 0 ? random.nextInt(1000) - 500 : random.nextInt(40) - 20;
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    List<Long> content = ring.getOrCreate(frame);
                    assertThat(content).isEqualTo(model.getOrDefault(frame, List.of()));
                    content.add((long) op);
                    model.computeIfAbsent(frame, f -> new ArrayList<>()).add((long) op);
                }
                case 2 -> {
                    ring.remove(frame);
                    model.remove(frame);
                }
                default -> {
                    Long expected = model.ceilingKey(frame);
                    assertThat(ring.next(frame)).isEqualTo(expected == null ? FrameRing.NO_FRAME : expected);
                    assertThat(ring.get(frame)).isEqualTo(model.get(frame));
                    assertThat(ring.last()).isEqualTo(model.isEmpty() ? FrameRing.NO_FRAME : model.lastKey());
                }
            }
            assertThat(ring.isEmpty()).isEqualTo(model.isEmpty());
        }
        TreeMap<Long, List<Long>> all = new TreeMap<>();
        ring.forEach(all::put);
        assertThat(all).isEqualTo(model);
        assertThat(ring.next(Long.MIN_VALUE)).isEqualTo(model.isEmpty() ? FrameRing.NO_FRAME : model.firstKey());
    }
}
