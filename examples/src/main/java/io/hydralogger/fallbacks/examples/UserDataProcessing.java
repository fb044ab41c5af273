package io.hydralogger.fallbacks.examples;

import io.hydralogger.fallbacks.Fallbacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * An application that keeps its users in a JSON file: the original guide's "user data
 * processing". It loads the file (there is none at first), saves, reads back into its own record
 * types, changes a user and saves again (the previous version stays as a backup), and exports a
 * CSV for a spreadsheet. Run: {@code UserDataProcessing [folder]}.
 */
public final class UserDataProcessing {
    private UserDataProcessing() {
    }

    /**
     * A postal address, nested in a user.
     *
     * @param city the city
     * @param country the country code
     */
    public record Address(String city, String country) {
    }

    /**
     * A user of the application.
     *
     * @param id the id
     * @param name the name
     * @param email the e-mail address
     * @param created when the account was made
     * @param address where the user lives
     * @param roles what the user may do
     */
    public record User(int id, String name, String email, Instant created, Address address, List<String> roles) {
        User withEmail(String newEmail) {
            return new User(id, name, newEmail, created, address, roles);
        }
    }

    private static final TypeReference<List<User>> USERS = new TypeReference<>() { };

    /**
     * Runs the example.
     *
     * @param args an optional folder to work in
     * @throws IOException if the folder cannot be made or listed
     */
    public static void main(String[] args) throws IOException {
        Path folder = Examples.folder(args);
        Path file = folder.resolve("users.json");

        List<User> users = Files.exists(file) ? Fallbacks.safeReadJson(file, USERS) : null;
        System.out.println("1. Load " + file.getFileName() + ": " + (users == null ? "no file yet, start empty"
                : users.size() + " users from the last run; start afresh"));
        users = new ArrayList<>();
        users.add(new User(1, "Ada Lovelace", "ada@example.com", Instant.parse("2026-01-10T09:00:00Z"),
                new Address("London", "GB"), List.of("admin")));
        users.add(new User(2, "Linus Torvalds", "linus@example.com", Instant.parse("2026-02-11T10:30:00Z"),
                new Address("Portland", "US"), List.of("dev", "review")));
        users.add(new User(3, "Grace Hopper", "grace@example.com", Instant.parse("2026-03-12T12:00:00Z"),
                new Address("Arlington", "US"), List.of()));

        boolean saved = Fallbacks.safeWriteJson(users, file, 2);
        System.out.println("2. Save " + users.size() + " users (atomic, fsync'd): " + saved);

        List<User> loaded = Fallbacks.safeReadJson(file, USERS);
        System.out.println("3. Read back as User records: " + loaded.size() + " users, equal to what was saved: "
                + loaded.equals(users));

        loaded.set(1, loaded.get(1).withEmail("torvalds@example.org"));
        Fallbacks.safeWriteJson(loaded, file, 2);
        List<User> backup = Fallbacks.safeReadJson(file.resolveSibling("users.json.bak"), USERS);
        System.out.println("4. Change an e-mail and save again; the backup holds the previous version: "
                + backup.get(1).email() + " -> " + Fallbacks.safeReadJson(file, USERS).get(1).email());

        Path csv = folder.resolve("users.csv");
        Fallbacks.safeWriteCsv(loaded, csv);
        System.out.println("5. Export for a spreadsheet (nested address -> dotted columns, roles as JSON text):");
        Files.readAllLines(csv).forEach(line -> System.out.println("     " + line));
        List<Map<String, String>> rows = Fallbacks.safeReadCsv(csv);
        System.out.println("   and read back: " + rows.size() + " rows, first city " + rows.get(0).get("address.city"));

        System.out.println("6. Statistics:");
        Examples.printStatistics("     ");
    }
}
