package io.contrail.jet.impl.processor.aggregate;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LongLongTableTest {

    @Test
    void behavesLikeAHashMapUnderRandomOperations() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            LongLongTable table = new LongLongTable(1, true);
            Map<Long, long[]> model = new HashMap<>();
            int keyRange = 1 + random.nextInt(300);
            for (int op = 0; op < 5_000; op++) {
                long key = random.nextInt(10) == 0 ? LongLongTable.FREE : random.nextInt(keyRange) - keyRange / 2;
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        long delta = random.nextInt(5) - 2;
                        boolean inserted = table.add(key, delta);
                        assertThat(inserted).isEqualTo(!model.containsKey(key));
                        model.computeIfAbsent(key, k -> new long[2])[0] += delta;
                    }
                    case 2 -> {
                        int slot = table.findOrInsert(key);
                        assertThat(slot < 0).isEqualTo(!model.containsKey(key));
                        slot = slot < 0 ? ~slot : slot;
                        table.addToAuxAt(slot, 3);
                        model.computeIfAbsent(key, k -> new long[2])[1] += 3;
                    }
                    case 3 -> {
                        int slot = table.find(key);
                        assertThat(slot >= 0).isEqualTo(model.containsKey(key));
                        if (slot >= 0) {
                            table.removeAt(slot);
                            model.remove(key);
                        }
                    }
                    default -> {
                        if (random.nextInt(200) == 0) {
                            table.clear();
                            model.clear();
                        }
                    }
                }
                assertThat(table.size()).isEqualTo(model.size());
            }
            Map<Long, long[]> actual = new HashMap<>();
            for (int s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1)) {
                assertThat(actual.put(table.keyAt(s), new long[]{table.valueAt(s), table.auxAt(s)})).isNull();
            }
            assertThat(actual).hasSameSizeAs(model);
            model.forEach((k, v) -> assertThat(actual.get(k)).containsExactly(v));
            model.forEach((k, v) -> assertThat(table.get(k, -999)).isEqualTo(v[0]));
        }
    }

    @Test
    void keepsZeroValuesAndTheFreeKey() {
        LongLongTable table = new LongLongTable(4, false);
        assertThat(table.add(7, 0)).isTrue();
        assertThat(table.add(LongLongTable.FREE, 5)).isTrue();
        assertThat(table.add(LongLongTable.FREE, -5)).isFalse();
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.get(7, -1)).isZero();
        assertThat(table.get(LongLongTable.FREE, -1)).isZero();
        table.clear();
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.nextSlot(0)).isEqualTo(-1);
    }
}
