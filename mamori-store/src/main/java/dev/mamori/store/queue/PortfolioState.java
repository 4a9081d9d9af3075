package dev.mamori.store.queue;

import dev.mamori.store.Database;
import dev.mamori.store.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Named values the server keeps between starts, e.g. the fingerprint of the advisories last analysed against. */
public final class PortfolioState {
    private final Database db;
    private final JdbcClient jdbc;

    public PortfolioState(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    public Optional<String> get(String name) {
        return jdbc.sql("select value from portfolio_state where name = :n").param("n", name).query(String.class).optional();
    }

    public void put(String name, String value, Instant now) {
        db.inTransaction(() -> {
            int n = jdbc.sql("update portfolio_state set value = :v, updated_at = :now where name = :n")
                    .param("v", value).param("now", Timestamps.format(now)).param("n", name).update();
            if (n == 0) {
                jdbc.sql("insert into portfolio_state (name, value, updated_at) values (:n, :v, :now)")
                        .param("v", value).param("now", Timestamps.format(now)).param("n", name).update();
            }
        });
    }

    /** Forgets a value; whether there was one. */
    public boolean remove(String name) {
        return jdbc.sql("delete from portfolio_state where name = :n").param("n", name).update() > 0;
    }
}
