package io.hydralogger.fallbacks.appender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsRecordTest {
    @Test
    void timestampsAreUtcWithThreeDigitsOfMilliseconds() {
        Instant moment = Instant.parse("2026-12-02T10:15:30.045678Z");
        assertThat(EcsRecord.timestamp(moment.getEpochSecond(), moment.getNano())).isEqualTo("2026-12-02T10:15:30.045Z");
        Instant wholeMinute = Instant.parse("2026-12-02T10:15:00Z");
        assertThat(EcsRecord.timestamp(wholeMinute.getEpochSecond(), 0)).isEqualTo("2026-12-02T10:15:00.000Z");
        Instant late = Instant.parse("1999-12-31T23:59:59.999Z");
        assertThat(EcsRecord.timestamp(late.getEpochSecond(), late.getNano())).isEqualTo("1999-12-31T23:59:59.999Z");
        // the cached second is not reused for another second
        assertThat(EcsRecord.timestamp(late.getEpochSecond() + 1, 7_000_000)).isEqualTo("2000-01-01T00:00:00.007Z");
    }

    @Test
    void fieldsComeInEcsOrderAndContextNeverReplacesThem() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("message", "from the MDC");
        mdc.put("request.id", "r-1");
        Map<String, Object> record = EcsRecord.of(0, 0, "WARN", null)
                .service("shop", null)
                .origin("com.example.Shop", "worker-1")
                .tag("AUDIT").tag("AUDIT").tag("SECURITY")
                .error(new IllegalStateException("boom", new RuntimeException("cause")))
                .fields(mdc)
                .field("user", 42)
                .field(null, "ignored")
                .toMap();

        assertThat(record.keySet()).containsExactly("@timestamp", "log.level", "message", "ecs.version", "service.name",
                "log.logger", "process.thread.name", "tags", "error.type", "error.message", "error.stack_trace",
                "request.id", "user");
        assertThat(record).containsEntry("message", "").containsEntry("log.level", "WARN")
                .containsEntry("error.type", "java.lang.IllegalStateException").containsEntry("error.message", "boom")
                .containsEntry("user", 42);
        assertThat(record.get("tags")).isEqualTo(List.of("AUDIT", "SECURITY"));
        assertThat((String) record.get("error.stack_trace")).startsWith("java.lang.IllegalStateException: boom")
                .contains("Caused by: java.lang.RuntimeException: cause");
    }
}
