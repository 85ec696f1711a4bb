package io.cuepoint.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ManagementConfigTest {
    @Test
    void portDefaultsAndOff() {
        assertThat(ManagementConfig.fromEnvironment(Map.of(), true).port()).isEqualTo(OptionalInt.of(9400));
        assertThat(ManagementConfig.fromEnvironment(Map.of(), false).enabled()).isFalse();
        assertThat(ManagementConfig.fromEnvironment(Map.of(ManagementConfig.PORT, "0"), false).port())
                .isEqualTo(OptionalInt.of(0));
        assertThat(ManagementConfig.fromEnvironment(Map.of(ManagementConfig.PORT, " 9500 "), true).port())
                .isEqualTo(OptionalInt.of(9500));
        assertThat(ManagementConfig.fromEnvironment(Map.of(ManagementConfig.PORT, "OFF"), true).enabled()).isFalse();
    }

    @Test
    void badValuesNameTheVariable() {
        for (var bad : new String[] {"http", "-1", "65536", "9400x"}) {
            assertThatThrownBy(() -> ManagementConfig.fromEnvironment(Map.of(ManagementConfig.PORT, bad), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CUEPOINT_MANAGEMENT_PORT").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void logFormatIsTextJsonOrAnError() {
        assertThat(LogFormat.fromEnvironment(Map.of())).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.fromEnvironment(Map.of(LogFormat.ENV, "JSON"))).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.fromEnvironment(Map.of(LogFormat.ENV, "xml")))
                .hasMessageContaining("CUEPOINT_LOG_FORMAT").hasMessageContaining("'xml'");
    }
}
