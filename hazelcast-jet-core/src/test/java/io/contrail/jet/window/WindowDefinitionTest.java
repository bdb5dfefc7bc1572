package io.contrail.jet.window;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowDefinitionTest {

    @Test
    void slidingAndTumbling() {
        SlidingWindowDefinition sliding = WindowDefinition.sliding(1000, 10);
        assertThat(sliding.framesPerWindow()).isEqualTo(100);
        assertThat(sliding.isTumbling()).isFalse();
        assertThat(sliding.floorFrameTs(-1)).isEqualTo(-10);
        assertThat(sliding.floorFrameTs(25)).isEqualTo(20);
        assertThat(sliding.higherFrameTs(20)).isEqualTo(30);
        SlidingWindowDefinition tumbling = WindowDefinition.tumbling(5);
        assertThat(tumbling.isTumbling()).isTrue();
        assertThat(tumbling).isEqualTo(WindowDefinition.sliding(5, 5));
        assertThat(WindowDefinition.session(30).gap()).isEqualTo(30);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> WindowDefinition.sliding(1000, 30))
                .hasMessage("windowSize (1000) must be a multiple of slideBy (30)");
        assertThatThrownBy(() -> WindowDefinition.sliding(10, 20))
                .hasMessage("windowSize (10) must be a multiple of slideBy (20); slideBy must not exceed windowSize");
        assertThatThrownBy(() -> WindowDefinition.sliding(10, 0)).hasMessage("slideBy must be positive, got 0");
        assertThatThrownBy(() -> WindowDefinition.tumbling(-1)).hasMessage("windowSize must be positive, got -1");
        assertThatThrownBy(() -> WindowDefinition.session(0)).hasMessage("session gap must be positive, got 0");
    }
}
