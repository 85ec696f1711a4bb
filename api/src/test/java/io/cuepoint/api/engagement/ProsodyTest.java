package io.cuepoint.api.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.analyzer.wire.Artifact;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Words from syllable nuclei use the divisor the analyzer wrote into the prosody track. */
class ProsodyTest {

    @Test
    void wordsUseTheAnalyzersSyllablesPerWordAndTheDefaultWithoutIt() {
        String nuclei = "\"nucleiMs\":[100,400,700,1000,1300,1600]";
        var withDivisor = prosody("{\"stepMs\":100,\"startMs\":0,\"speech\":[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1],"
                + nuclei + ",\"syllablesPerWord\":1.2}");
        var older = prosody("{\"stepMs\":100,\"startMs\":0,\"speech\":[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1],"
                + nuclei + "}");

        assertThat(withDivisor.words(0, 2000)).isEqualTo(6 / 1.2);
        assertThat(older.words(0, 2000)).isEqualTo(6 / SpeechTrack.SYLLABLES_PER_WORD);
    }

    private static Prosody prosody(String json) {
        return Prosody.of(List.of(new Artifact(Prosody.KIND, "prosody-s0", "application/json", 0, 0, 2000, Map.of(),
                json.getBytes(StandardCharsets.UTF_8))));
    }
}
