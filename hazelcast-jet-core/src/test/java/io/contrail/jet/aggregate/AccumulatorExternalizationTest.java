package io.contrail.jet.aggregate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accumulators are snapshot state: their compact external form must round-trip exactly. */
class AccumulatorExternalizationTest {

    @Test
    void everyAccumulator_roundTrips() throws Exception {
        assertThat(roundTrip(new LongAccumulator(-42))).isEqualTo(new LongAccumulator(-42));
        assertThat(roundTrip(new DoubleAccumulator(2.5))).isEqualTo(new DoubleAccumulator(2.5));
        assertThat(roundTrip(new LongLongAccumulator(Long.MIN_VALUE, Long.MAX_VALUE))).isEqualTo(new LongLongAccumulator(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(roundTrip(new LongDoubleAccumulator(7, -0.5))).isEqualTo(new LongDoubleAccumulator(7, -0.5));
        assertThat(roundTrip(new MutableReference<>(List.of("a", "b"))).get()).isEqualTo(List.of("a", "b"));
        assertThat(roundTrip(new MutableReference<>()).get()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
