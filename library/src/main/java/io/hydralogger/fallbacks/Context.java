package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.internal.fs.FallbackFiles;
import io.hydralogger.fallbacks.internal.fs.Sync;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import io.hydralogger.fallbacks.write.AtomicWriter;
import io.hydralogger.fallbacks.write.BackupManager;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the operations of one handler share: its settings, its runtime (locks, caches, threads)
 * and the parts they work with (the atomic writer, the locked-section helper, the fallback sink,
 * the counters). Immutable.
 */
final class Context {
    final Durability durability;
    final BackupManager backups;
    final boolean createParents;
    final RecoveryPolicy recoveryPolicy;
    final boolean processLocking;
    final JsonMapper mapper;
    /** Whether {@link #mapper} is the one made from the read limits (a salvage then reports as an inspection). */
    final boolean defaultMapper;
    final ReadLimits readLimits;
    final boolean neutralizeFormulas;
    final Dialect dialect;
    final Clock clock;
    final FallbackRuntime runtime;
    /** The longest wait for a file's lock, in nanoseconds; negative for no limit. */
    final long lockTimeoutNanos;
    final AtomicWriter writer;
    final FallbackFiles fallbackFiles;
    final Counters stats;
    final LockedSection locks;
    final FallbackSink fallbacks;
    /** Threads that help a large write (chunks serialised, forces ahead): the runtime's. */
    final Executor helpers;

    Context(FallbackHandlerBuilder builder) {
        this.durability = builder.durability;
        this.backups = builder.backups;
        this.createParents = builder.createParents;
        this.recoveryPolicy = builder.recoveryPolicy;
        this.processLocking = builder.processLocking;
        this.mapper = builder.mapper != null ? builder.mapper : defaultMapper(builder.readLimits);
        this.defaultMapper = builder.mapper == null;
        this.readLimits = builder.readLimits;
        this.neutralizeFormulas = builder.neutralizeFormulas;
        this.dialect = builder.dialect;
        this.clock = builder.clock;
        this.runtime = builder.runtime != null ? builder.runtime : Fallbacks.runtime();
        this.lockTimeoutNanos = builder.lockTimeout == null ? -1 : builder.lockTimeout.toNanos();
        this.helpers = runtime.parsing;
        this.writer = AtomicWriter.builder().durability(durability).backups(backups.withDeleter(runtime.deleter))
                .createParentDirectories(createParents).build();
        this.fallbackFiles = new FallbackFiles(builder.fallbackFolder, clock, sync(), runtime.sanitizer);
        this.stats = new Counters(runtime);
        this.locks = new LockedSection(this);
        this.fallbacks = new FallbackSink(this);
    }

    /** {@return the inspection of a file with this handler's limits and dialect (the runtime keeps it)} */
    CorruptionReport inspect(Path file, Format format) {
        return runtime.reports.inspect(file, format, readLimits, dialect);
    }

    /** {@return the salvage of a file with this handler's mapper, limits and dialect; must be closed} */
    SalvageReader salvage(Path file, Format format) throws IOException {
        return DataRecovery.open(file, format, mapper, readLimits, dialect);
    }

    /** The mapper of a handler given none: the read limits, and the fast writer of doubles. */
    private static JsonMapper defaultMapper(ReadLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        return JsonMapper.builder(factory).build();
    }

    /** {@return what writes force to stable storage} */
    Sync sync() {
        return switch (durability) {
            case SYNC -> Sync.FILES_AND_FOLDERS;
            case SYNC_FILES_ONLY -> Sync.FILES;
            case NONE -> Sync.NONE;
        };
    }
}
