package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.internal.fs.FallbackFiles;
import io.hydralogger.fallbacks.write.BackupManager;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a {@link FallbackHandler} ({@link FallbackHandler#builder()}). Every setting has a
 * default that is safe: durable writes, one backup generation, parent folders created, process
 * locking, salvage then backup on reads. Not thread-safe; the handler it builds is immutable.
 */
public final class FallbackHandlerBuilder {

    Durability durability = Durability.SYNC;
    BackupManager backups = BackupManager.generations(1);
    boolean createParents = true;
    Path fallbackFolder = FallbackFiles.defaultFolder();
    RecoveryPolicy recoveryPolicy = RecoveryPolicy.SALVAGE_THEN_BACKUP;
    boolean processLocking = true;
    @Nullable JsonMapper mapper;
    @Nullable Executor executor;
    ReadLimits readLimits = ReadLimits.DEFAULTS;
    boolean neutralizeFormulas;
    Dialect dialect = Dialect.CSV;
    Clock clock = Clock.systemUTC();
    @Nullable FallbackRuntime runtime;
    @Nullable Duration lockTimeout;

    FallbackHandlerBuilder() {
    }

    /**
     * Sets whether writes wait for stable storage. Default {@link Durability#SYNC}.
     *
     * @param durability the durability
     * @return this builder
     */
    public FallbackHandlerBuilder durability(Durability durability) {
        this.durability = Objects.requireNonNull(durability, "durability must not be null");
        return this;
    }

    /**
     * Sets how many previous versions are kept beside each file. Default 1 ({@code .bak}).
     *
     * @param generations how many; 0 for no backups
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public FallbackHandlerBuilder backups(int generations) {
        return backups(BackupManager.generations(generations));
    }

    /**
     * Sets the backup policy.
     *
     * @param backups the policy
     * @return this builder
     */
    public FallbackHandlerBuilder backups(BackupManager backups) {
        this.backups = Objects.requireNonNull(backups, "backups must not be null");
        return this;
    }

    /**
     * Sets whether missing parent folders of a target are created. Default true.
     *
     * @param create whether to create them
     * @return this builder
     */
    public FallbackHandlerBuilder createParentDirectories(boolean create) {
        this.createParents = create;
        return this;
    }

    /**
     * Sets the folder for fallback files of targets whose own folder cannot be written.
     * Default {@code <java.io.tmpdir>/hydra-fallbacks}, kept private to its user.
     *
     * @param folder the folder
     * @return this builder
     */
    public FallbackHandlerBuilder fallbackFolder(Path folder) {
        this.fallbackFolder = Objects.requireNonNull(folder, "folder must not be null");
        return this;
    }

    /**
     * Sets what reads do with missing or damaged files. Default
     * {@link RecoveryPolicy#SALVAGE_THEN_BACKUP}.
     *
     * @param policy the policy
     * @return this builder
     */
    public FallbackHandlerBuilder recoveryPolicy(RecoveryPolicy policy) {
        this.recoveryPolicy = Objects.requireNonNull(policy, "policy must not be null");
        return this;
    }

    /**
     * Sets whether writers of other processes are kept apart by an OS lock on the sidecar
     * {@code .<name>.lock}. Default true. Without it, threads of this JVM are still kept
     * apart, and temp files of dead writers are not swept (one could be a live writer's).
     *
     * @param enabled whether to lock across processes
     * @return this builder
     */
    public FallbackHandlerBuilder processLocking(boolean enabled) {
        this.processLocking = enabled;
        return this;
    }

    /**
     * Sets the Jackson mapper for reading and writing. Default: a plain mapper whose parser
     * enforces the {@link #readLimits(ReadLimits) read limits}. A mapper of your own brings
     * its own limits (its factory's {@code StreamReadConstraints}).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public FallbackHandlerBuilder mapper(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
        return this;
    }

    /**
     * Sets the executor of {@link FallbackHandler#async}. Default: the runtime's pool of
     * {@value FallbackRuntime#ASYNC_THREADS} daemon threads with a bounded queue.
     *
     * @param executor the executor
     * @return this builder
     */
    public FallbackHandlerBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        return this;
    }

    /**
     * Sets the limits that guard reads against hostile files. Default {@link ReadLimits#DEFAULTS}.
     *
     * @param limits the limits
     * @return this builder
     */
    public FallbackHandlerBuilder readLimits(ReadLimits limits) {
        this.readLimits = Objects.requireNonNull(limits, "limits must not be null");
        return this;
    }

    /**
     * Sets whether CSV text cells that a spreadsheet would run as a formula get a leading
     * apostrophe. Default false (the data is written as given).
     *
     * @param enabled whether to neutralise
     * @return this builder
     */
    public FallbackHandlerBuilder neutralizeCsvFormulas(boolean enabled) {
        this.neutralizeFormulas = enabled;
        return this;
    }

    /**
     * Sets the field delimiter of CSV files, read and written: {@code ';'} as Excel writes CSV
     * in much of Europe, {@code '|'}, ... Default {@code ','}. TSV files ({@link Format#TSV},
     * {@code .tsv}) are always tab-separated.
     *
     * @param delimiter the delimiter
     * @return this builder
     * @throws IllegalArgumentException if it is a quote or a line break
     */
    public FallbackHandlerBuilder csvDelimiter(char delimiter) {
        this.dialect = dialect.withDelimiter(delimiter);
        return this;
    }

    /**
     * Sets the charset CSV and TSV files are read in when they have no byte order mark (Latin-1,
     * Windows-1252, ...). Default UTF-8. A byte order mark always decides (UTF-8, UTF-16); files
     * are always written in UTF-8.
     *
     * @param charset the charset
     * @return this builder
     */
    public FallbackHandlerBuilder charset(Charset charset) {
        this.dialect = dialect.withCharset(Objects.requireNonNull(charset, "charset must not be null"));
        return this;
    }

    /**
     * Sets the clock for the timestamps in fallback file names. Default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public FallbackHandlerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /**
     * Sets the longest time a write, append, update or repair waits for the lock of its file
     * (held by another thread or process); when it runs out, the call fails as if the file could
     * not be written (its records go to a fallback file). Default: no limit, the wait lasts as
     * long as the other writer holds the lock. Either way the wait ends when the waiting thread is
     * interrupted (the call fails the same way and the thread's interrupt status stays set).
     *
     * @param timeout the longest wait, positive
     * @return this builder
     * @throws IllegalArgumentException if the timeout is zero or negative
     */
    public FallbackHandlerBuilder lockTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must be positive: " + timeout);
        }
        this.lockTimeout = timeout;
        return this;
    }

    /**
     * Sets the runtime whose lock table, caches and threads the handler uses. Default: the
     * facade's ({@link Fallbacks#runtime()}). Handlers that may write the same files must share one.
     *
     * @param runtime the runtime
     * @return this builder
     */
    public FallbackHandlerBuilder runtime(FallbackRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
        return this;
    }

    /** {@return the handler} */
    public FallbackHandler build() {
        return new FallbackHandler(this);
    }
}
