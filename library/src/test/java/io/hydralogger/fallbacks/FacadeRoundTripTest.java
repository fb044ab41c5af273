package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.samples.SampleRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacadeRoundTripTest {
    @TempDir
    Path dir;
    @Test
    void jsonRoundTrip() throws Exception {
        Path file = dir.resolve("users.json");
        assertThat(Fallbacks.safeWriteJson(SampleRecords.users(3), file)).isTrue();
        assertThat(Files.readString(file)).startsWith("[{\"id\":0,\"name\":\"user0\"");
        Object back = Fallbacks.safeReadJson(file);
        assertThat(back).isEqualTo(List.of(
                Map.of("id", 0, "name", "user0", "email", "user0@example.com", "score", 0.0, "active", true,
                        "tags", List.of("a", "b"), "meta", Map.of("k", 0)),
                Map.of("id", 1, "name", "user1", "email", "user1@example.com", "score", 1.5, "active", false,
                        "tags", List.of("a", "b"), "meta", Map.of("k", 1)),
                Map.of("id", 2, "name", "user2", "email", "user2@example.com", "score", 3.0, "active", true,
                        "tags", List.of("a", "b"), "meta", Map.of("k", 2))));
    }

    @Test
    void jsonLinesAndCsvRoundTrip() throws Exception {
        Path jsonl = dir.resolve("users.jsonl");
        assertThat(Fallbacks.safeWriteJsonLines(SampleRecords.users(2), jsonl)).isTrue();
        assertThat(Files.readAllLines(jsonl)).hasSize(2);
        assertThat(Fallbacks.safeReadJsonLines(jsonl)).hasSize(2);

        Path csv = dir.resolve("users.csv");
        assertThat(Fallbacks.safeWriteCsv(SampleRecords.users(2), csv)).isTrue();
        assertThat(Files.readString(csv)).isEqualTo("id,name,email,score,active,tags,meta.k\n"
                + "0,user0,user0@example.com,0.0,true,\"[\"\"a\"\",\"\"b\"\"]\",0\n"
                + "1,user1,user1@example.com,1.5,false,\"[\"\"a\"\",\"\"b\"\"]\",1\n");
        assertThat(Fallbacks.safeReadCsv(csv)).first().isEqualTo(Map.of("id", "0", "name", "user0",
                "email", "user0@example.com", "score", "0.0", "active", "true", "tags", "[\"a\",\"b\"]",
                "meta.k", "0"));
    }
}
