package dev.mamori.app.server;

import dev.mamori.app.MamoriVersion;
import dev.mamori.app.server.analysis.FileAdvisoryProvider;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.AuditLog;
import dev.mamori.store.Database;
import dev.mamori.store.InstanceRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The Spring Boot application behind {@code mamori serve}. */
@SpringBootApplication
@EnableConfigurationProperties(MamoriProperties.class)
public class MamoriServer {
    private static final Logger LOG = LoggerFactory.getLogger(MamoriServer.class);

    /** Starts the server and returns its running context. */
    public static ConfigurableApplicationContext start(ServerSettings settings, String[] args) {
        SpringApplication app = new SpringApplication(MamoriServer.class);
        app.setDefaultProperties(Map.of("server.port", Integer.toString(settings.port())));
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("serverSettings", settings));
        ConfigurableApplicationContext context = app.run(args);
        Database db = context.getBean(Database.class);
        LOG.info("Mamori {} serving on port {} with {} store", MamoriVersion.get(),
                context.getEnvironment().getProperty("local.server.port"), db.kind().label());
        return context;
    }

    @Bean(destroyMethod = "close")
    Database database(ServerSettings settings) {
        Database db = Database.open(settings.database());
        new InstanceRepository(db).ensureRecorded(MamoriVersion.get(), Instant.now());
        return db;
    }

    @Bean
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditLog auditLog(Database database) {
        return new AuditLog(database);
    }

    /** The intelligence store in the server's database: advisories, KEV, EPSS, CWE ({@code mamori db import}). */
    @Bean
    AdvisoryStore advisoryStore(Database database) {
        return new AdvisoryStore(database);
    }

    /** Advisories from the advisory store and from files in DATA_DIR/advisories (or {@code mamori.advisories.dir}). */
    @Bean(destroyMethod = "close")
    FileAdvisoryProvider advisoryProvider(ServerSettings settings, MamoriProperties properties, AdvisoryStore store, Clock clock) {
        Path dir = properties.advisories().dir() != null ? properties.advisories().dir() : settings.dataDir().resolve("advisories");
        return new FileAdvisoryProvider(dir, store, properties.advisories().pollInterval(), clock);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(MamoriProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> r = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, json));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        r.addUrlPatterns("/*");
        return r;
    }
}
