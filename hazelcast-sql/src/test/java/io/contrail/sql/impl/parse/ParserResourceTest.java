package io.contrail.sql.impl.parse;

import org.apache.calcite.runtime.Resources;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ParserResourceTest {

    @Test
    void everyMessage_isInTheBundle_andMatchesItsBaseMessage() {
        assertThatCode(() -> Resources.validate(ParserResource.RESOURCE, EnumSet.allOf(Resources.Validation.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void messages_areFormatted() {
        assertThat(ParserResource.RESOURCE.duplicateOption("a").str()).isEqualTo("Option 'a' is given more than once");
        assertThat(ParserResource.RESOURCE.orReplaceNotSupported("JOB").str())
                .isEqualTo("CREATE OR REPLACE JOB is not supported");
    }
}
