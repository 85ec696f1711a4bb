package io.cuepoint.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The packaged {@code logback.xml} with {@code cuepoint.log.format=json} (what {@code CUEPOINT_LOG_FORMAT=json}
 * sets): every console line is a JSON object with the level, logger and formatted message, stack traces
 * included; with {@code text} the lines are the usual pattern.
 */
class JsonLogsTest {
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void restore() throws Exception {
        System.clearProperty(LogFormat.PROPERTY);
        // Back to what logback chose on its own (the tests' logback-test.xml) for the tests that follow.
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonFormatWritesOneObjectPerLine() throws Exception {
        LogFormat.JSON.apply();
        var lines = logged(() -> {
            var log = LoggerFactory.getLogger("io.cuepoint.test.json");
            log.info("frame {} of {}", 3, "lecture \"A\"");
            log.warn("broker unreachable", new IllegalStateException("no route"));
        });
        assertThat(lines).hasSize(2);
        var info = json.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("io.cuepoint.test.json");
        assertThat(info.get("formattedMessage").asText()).isEqualTo("frame 3 of lecture \"A\"");
        assertThat(info.get("timestamp").asLong()).isPositive();
        var warn = json.readTree(lines.get(1));
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.at("/throwable/className").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(warn.at("/throwable/message").asText()).isEqualTo("no route");
    }

    @Test
    void textFormatIsTheDefault() throws Exception {
        var lines = logged(() -> LoggerFactory.getLogger("io.cuepoint.test.text").info("frame {}", 3));
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.+] io\\.cuepoint\\.test\\.text - frame 3"));
    }

    /** Reconfigures logback from the packaged logback.xml, runs {@code logging} and returns the console lines. */
    private List<String> logged(Runnable logging) throws Exception {
        // Initialised first: logback's own start-up notes must not land in the captured output.
        LoggerFactory.getILoggerFactory();
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            configure();
            logging.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static void configure() throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.getStatusManager().clear();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
        // A warning would make logback print its whole status report on the console at start-up.
        assertThat(context.getStatusManager().getCopyOfStatusList()).as("logback configured without warnings")
                .allMatch(s -> s.getLevel() == Status.INFO);
    }
}
