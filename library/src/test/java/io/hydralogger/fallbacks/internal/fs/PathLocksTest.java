package io.hydralogger.fallbacks.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock table: bounded, not re-entrant, grouping appends. */
class PathLocksTest {
    @TempDir
    Path dir;

    @Test
    void aHundredThousandDistinctPathsLeaveAnEmptyTable() throws Exception {
        PathLocks locks = new PathLocks();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger peak = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        try (PathLocks.Held held = locks.lock(dir.resolve(thread + "-" + i), false, -1, nanos -> { })) {
                            peak.accumulateAndGet(locks.size(), Math::max);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(locks.size()).isZero();
        assertThat(locks.entries()).as("entries without attachment are dropped at once").isZero();
        assertThat(peak.get()).isBetween(1, 4);
    }

    @Test
    void atMostMaxIdleEntriesWithAttachmentsStayOpen() throws Exception {
        PathLocks locks = new PathLocks();
        AtomicInteger closed = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            try (PathLocks.Held held = locks.lock(dir.resolve(i + ".jsonl"), false, -1, nanos -> { })) {
                held.attach(closed::incrementAndGet);
            }
        }
        assertThat(locks.size()).isZero();
        assertThat(locks.entries()).isEqualTo(PathLocks.MAX_IDLE);
        assertThat(closed.get()).isEqualTo(1000 - PathLocks.MAX_IDLE);
        locks.closeIdle();
        assertThat(locks.entries()).isZero();
        assertThat(closed.get()).isEqualTo(1000);
    }

    @Test
    void theSameThreadAskingTwiceIsRefusedAndTheFirstHoldStaysValid() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("a.json");
        try (PathLocks.Held held = locks.lock(file, true, -1, nanos -> { })) {
            assertThatThrownBy(() -> locks.lock(file, true, -1, nanos -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
            assertThat(locks.size()).isEqualTo(1);
        }
        assertThat(locks.size()).isZero();
        assertThat(FileNames.lockFile(file)).exists();
    }

    @Test
    void anIdleLockFileThatWasDeletedIsOpenedAfresh() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("a.json");
        try (PathLocks.Held held = locks.lock(file, true, -1, nanos -> { })) {
            held.attach(() -> { });
        }
        assertThat(locks.entries()).as("kept idle, with its lock file open").isEqualTo(1);
        Files.delete(FileNames.lockFile(file));

        try (PathLocks.Held held = locks.lock(file, true, -1, nanos -> { })) {
            assertThat(FileNames.lockFile(file)).exists();
            try (var other = java.nio.channels.FileChannel.open(FileNames.lockFile(file),
                    java.nio.file.StandardOpenOption.WRITE)) {
                assertThatThrownBy(other::tryLock).as("the new lock file is the one locked")
                        .isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
            }
        }
    }

    @Test
    void attachmentsStayWithTheFileUntilItsEntryIsDropped() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("a.json");
        AtomicInteger closed = new AtomicInteger();
        try (PathLocks.Held held = locks.lock(file, false, -1, nanos -> { })) {
            held.attach(closed::incrementAndGet);
        }
        try (PathLocks.Held held = locks.lock(file, false, -1, nanos -> { })) {
            assertThat(held.attachment()).isNotNull();
        }
        assertThat(closed.get()).isZero();
        locks.closeIdle();
        assertThat(closed.get()).isEqualTo(1);
        try (PathLocks.Held held = locks.lock(file, false, -1, nanos -> { })) {
            assertThat(held.attachment()).isNull();
        }
    }

    @Test
    void waitersAreCountedWithTheirWaitingTime() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("a.json");
        AtomicLong waited = new AtomicLong(-1);
        Thread other;
        try (PathLocks.Held held = locks.lock(file, true, -1, nanos -> { })) {
            other = new Thread(() -> {
                try (PathLocks.Held second = locks.lock(file, true, -1, waited::set)) {
                    assertThat(second).isNotNull();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            other.start();
            while (waitersOnLocks() < 1) {
                Thread.sleep(1);
            }
        }
        other.join();
        assertThat(waited.get()).isPositive();
    }

    @Test
    void appendsQueuedWhileTheLockIsHeldAreWrittenAsOneGroup() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("log.jsonl");
        List<Integer> groupSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        PathLocks.GroupWriter writer = (group, held) -> {
            groupSizes.add(group.size());
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
                for (PendingAppend append : group) {
                    channel.write(append.buffer());
                }
            }
        };
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        try {
            try (PathLocks.Held held = locks.lock(file, false, -1, nanos -> { })) {
                for (int t = 0; t < threads; t++) {
                    byte[] line = ("line " + t + "\n").getBytes(StandardCharsets.UTF_8);
                    done.add(pool.submit(() -> {
                        locks.append(file, false, -1, nanos -> { }, new PendingAppend(line, line.length), writer);
                        return null;
                    }));
                }
                while (waitersOnLocks() < threads) {
                    Thread.sleep(5);
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(file)).hasSize(threads);
        assertThat(groupSizes).as("all six queued appends written by the first thread to get the lock")
                .containsExactly(threads);
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).remaining()).isEqualTo(threads * 7);
    }

    @Test
    void aWaitEndsAtItsTimeoutAndLeavesNoEntryBehind() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("busy.json");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            try (PathLocks.Held held = locks.lock(file, true, -1, nanos -> { })) {
                Future<?> timed = other.submit(() -> locks.lock(file, true, 50_000_000L, nanos -> { }));
                assertThatThrownBy(timed::get).hasCauseInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("was not free within PT0.05S");
                byte[] line = "late\n".getBytes(StandardCharsets.UTF_8);
                Future<?> append = other.submit(() -> {
                    locks.append(file, true, 50_000_000L, nanos -> { }, new PendingAppend(line, line.length),
                            (group, h) -> Files.write(file, line));
                    return null;
                });
                assertThatThrownBy(append::get).hasCauseInstanceOf(LockTimeoutException.class);
                assertThat(locks.size()).as("only the holder is left").isEqualTo(1);
            }
            assertThat(locks.size()).isZero();
            assertThat(file).as("the timed-out append wrote nothing").doesNotExist();
            try (PathLocks.Held again = locks.lock(file, true, 50_000_000L, nanos -> { })) {
                assertThat(again).as("a free lock is taken at once, within any timeout").isNotNull();
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void anInterruptEndsAWaitWithoutALimit() throws Exception {
        PathLocks locks = new PathLocks();
        Path file = dir.resolve("busy.jsonl");
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread waiter;
        try (PathLocks.Held held = locks.lock(file, false, -1, nanos -> { })) {
            waiter = new Thread(() -> {
                try (PathLocks.Held never = locks.lock(file, false, -1, nanos -> { })) {
                    failure.set(new AssertionError("got a lock that was held"));
                } catch (java.io.IOException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            while (waitersOnLocks() < 1) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            waiter.join(60_000);
            assertThat(locks.size()).as("only the holder is left").isEqualTo(1);
        }
        assertThat(failure.get()).isInstanceOf(java.io.InterruptedIOException.class);
        assertThat(stillInterrupted).as("the interrupt status is kept").isTrue();
        assertThat(locks.size()).isZero();
    }

    /** Threads parked waiting for an in-JVM path lock. */
    private static long waitersOnLocks() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("lockInJvm")))
                .count();
    }
}
