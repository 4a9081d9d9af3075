package dev.mamori.app.server.access;

import dev.mamori.store.AuditLog;
import dev.mamori.store.access.ApiKey;
import dev.mamori.store.access.ApiKeyRepository;
import dev.mamori.store.access.Scope;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At the first start (a store with no API key yet), {@code MAMORI_ADMIN_API_KEY} from the environment (or a
 * {@code --MAMORI_ADMIN_API_KEY=} argument) becomes an admin key. Later starts ignore it, so rotating keys is done
 * through the API and the variable can be removed.
 */
@Component
class AccessBootstrap implements InitializingBean {
    static final String VARIABLE = "MAMORI_ADMIN_API_KEY";
    static final int MIN_LENGTH = 24;
    private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Environment environment;
    private final Clock clock;

    AccessBootstrap(ApiKeyRepository keys, AuditLog audit, Environment environment, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        String seed = environment.getProperty(VARIABLE);
        boolean empty = keys.count() == 0;
        if (seed == null || seed.isBlank()) {
            if (empty) {
                LOG.warn("No API key exists and {} is not set: only /api/v1/health answers until an admin key is seeded", VARIABLE);
            }
            return;
        }
        if (!empty) {
            LOG.info("{} is set but the store has API keys already; it is ignored", VARIABLE);
            return;
        }
        String key = seed.strip();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException(VARIABLE + " must be at least " + MIN_LENGTH
                    + " characters (use a random value, e.g. from `openssl rand -base64 32`)");
        }
        ApiKey stored = keys.store("admin (" + VARIABLE + ")", key, EnumSet.of(Scope.ADMIN), null, "environment", clock.instant());
        audit.record(clock.instant(), "environment", "api-key.seed", "api-key", stored.id(), null,
                "{\"name\":\"" + stored.name() + "\",\"scopes\":\"" + Scope.format(stored.scopes()) + "\"}");
        LOG.info("Seeded admin API key #{} from {}", stored.id(), VARIABLE);
    }
}
